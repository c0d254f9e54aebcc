using System.Globalization;
using Microsoft.Bot.Schema;
using Newtonsoft.Json.Linq;

namespace OutreachBot.Dialogs.Prompts;

/// <summary>
/// A place: a location message (a Place or GeoCoordinates entity, as channels send a shared location), stored as
/// "latitude,longitude label"; or a typed place name of at least two characters and at most max (200).
/// </summary>
public sealed class LocationPrompt : IPrompt
{
    public string Kind => "location";

    public PromptResult Recognize(PromptInput input)
    {
        if (Shared(input.Activity) is { } place)
        {
            return new PromptResult.Accepted(place.Value, place.Label);
        }

        if (input.Text.Length < 2)
        {
            return PromptResult.Reject(input, input.Texts[PromptTexts.LocationRetry]);
        }

        // A place is a few words; a pasted essay is refused with the reason, as free text is.
        var max = input.Step.Max ?? 200;
        return new System.Globalization.StringInfo(input.Raw).LengthInTextElements > max
            ? new PromptResult.Rejected(input.Texts.Format(PromptTexts.TextTooLong, ("max", max)))
            : new PromptResult.Accepted(input.Raw, input.Raw);
    }

    private static (string Value, string Label)? Shared(IMessageActivity activity)
    {
        foreach (var entity in activity.Entities ?? [])
        {
            var json = entity.Properties ?? [];
            var geo = entity.Type switch
            {
                "Place" => json["geo"] as JObject,
                "GeoCoordinates" => json,
                _ => null,
            };
            var latitude = geo?.Value<double?>("latitude");
            var longitude = geo?.Value<double?>("longitude");
            if (latitude is null || longitude is null)
            {
                continue;
            }

            var label = json.Value<string>("name") ?? json.Value<string>("address") ?? geo!.Value<string>("name") ?? "";
            var coordinates = string.Create(CultureInfo.InvariantCulture, $"{latitude:0.######},{longitude:0.######}");
            return ($"{coordinates} {label}".Trim(), label.Length > 0 ? label : coordinates);
        }

        return null;
    }
}
