using OutreachBot.Identity;
using OutreachBot.Texts;

namespace OutreachBot.Dialogs;

/// <summary>The numbered main menu: the menu dialogs a role may start, numbered in menu order.</summary>
public sealed class MainMenu(DialogCatalog catalog, TextCatalog texts)
{
    public IReadOnlyList<DialogDefinition> For(Role role) => catalog.Menu(role);

    public string Render(Role role) =>
        PromptRenderer.Numbered(texts[DialogTexts.MenuIntro], For(role).Select(d => d.Title), texts[DialogTexts.MenuFooter]);

    public string RoleName(Role role) => texts[role switch
    {
        Role.Cadre => DialogTexts.RoleCadre,
        Role.Staff => DialogTexts.RoleStaff,
        _ => DialogTexts.RoleResident,
    }];
}
