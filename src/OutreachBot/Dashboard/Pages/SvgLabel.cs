using System.Globalization;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Rendering;

namespace OutreachBot.Dashboard.Pages;

/// <summary>
/// An SVG &lt;text&gt; element. Razor reads &lt;text&gt; inside code blocks as its own directive tag, so charts write
/// their labels through this component instead.
/// </summary>
public sealed class SvgLabel : ComponentBase
{
    [Parameter, EditorRequired] public double X { get; set; }

    [Parameter, EditorRequired] public double Y { get; set; }

    [Parameter] public int Size { get; set; } = 11;

    [Parameter] public string Anchor { get; set; } = "middle";

    [Parameter] public string Fill { get; set; } = "#1b1f24";

    [Parameter] public bool Bold { get; set; }

    [Parameter, EditorRequired] public string Text { get; set; } = "";

    protected override void BuildRenderTree(RenderTreeBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.OpenElement(0, "text");
        builder.AddAttribute(1, "x", X.ToString("0.#", CultureInfo.InvariantCulture));
        builder.AddAttribute(2, "y", Y.ToString("0.#", CultureInfo.InvariantCulture));
        builder.AddAttribute(3, "font-size", Size.ToString(CultureInfo.InvariantCulture));
        builder.AddAttribute(4, "text-anchor", Anchor);
        builder.AddAttribute(5, "fill", Fill);
        if (Bold)
        {
            builder.AddAttribute(6, "font-weight", "700");
        }

        builder.AddContent(7, Text);
        builder.CloseElement();
    }
}
