namespace OutreachBot.Texts;

/// <summary>
/// Marks a static class whose <c>const string</c> fields are keys of <c>messages:</c> in the dialogs/ folder.
/// Start-up checks that every such key has a text, so a missing wording fails at start, not in front of a villager.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class TextKeysAttribute : Attribute;
