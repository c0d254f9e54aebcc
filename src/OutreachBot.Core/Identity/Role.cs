namespace OutreachBot.Identity;

/// <summary>What a chat user may do. Every channel user is a resident until they bind a cadre or staff identity.</summary>
public enum Role
{
    Resident,
    Cadre,
    Staff,
}
