namespace OutreachBot.Identity;

/// <summary>
/// A chat identity (channel and user id) bound to a cadre or staff member of the roster. Demo bindings, made by the
/// seed loader, hold for the user id on every channel and are removed when the demo is switched off.
/// </summary>
public sealed class Binding
{
    /// <summary>The channel of a demo binding: any.</summary>
    public const string AnyChannel = "*";

    public Binding(string channelId, string userId, Role role, string personId, DateTimeOffset boundAt, bool demo = false)
    {
        if (role == Role.Resident)
        {
            throw new ArgumentException("Residents are not bound; they are everyone who is not.", nameof(role));
        }

        ArgumentException.ThrowIfNullOrWhiteSpace(channelId);
        ArgumentException.ThrowIfNullOrWhiteSpace(userId);
        ArgumentException.ThrowIfNullOrWhiteSpace(personId);
        Id = KeyOf(channelId, userId);
        ChannelId = channelId;
        UserId = userId;
        Role = role;
        PersonId = personId;
        BoundAt = boundAt;
        Demo = demo;
    }

    private Binding()
    {
    }

    public string Id { get; private set; } = "";

    public string ChannelId { get; private set; } = "";

    public string UserId { get; private set; } = "";

    public Role Role { get; private set; }

    public string PersonId { get; private set; } = "";

    public DateTimeOffset BoundAt { get; private set; }

    public bool Demo { get; private set; }

    public static string KeyOf(string channelId, string userId) => channelId + "|" + userId;
}
