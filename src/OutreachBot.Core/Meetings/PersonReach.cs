using OutreachBot.Conversations;
using OutreachBot.Identity;

namespace OutreachBot.Meetings;

/// <summary>Where a roster person can be written to: a channel and user id, or why not.</summary>
public sealed record Reach(string? ChannelId, string? UserId, ReminderOutcome? Unreachable)
{
    public static Reach NotBound { get; } = new(null, null, ReminderOutcome.NotBound);

    public static Reach NoConversation { get; } = new(null, null, ReminderOutcome.NoConversation);
}

/// <summary>
/// Finds the chat account a cadre or staff member uses, from their bindings: of the accounts with a stored
/// conversation, the one they wrote from last, so a person bound on two channels is reminded once. A demo binding
/// holds on every channel; its channel is the one that user id last wrote from.
/// </summary>
public sealed class PersonReach(IBindingStore bindings, IConversationReferences references)
{
    public Reach Find(string personId)
    {
        var bound = bindings.BindingsOf(personId);
        if (bound.Count == 0)
        {
            return Reach.NotBound;
        }

        var best = (Channel: (string?)null, User: (string?)null, At: DateTimeOffset.MinValue);
        foreach (var binding in bound)
        {
            var channels = binding.ChannelId == Binding.AnyChannel
                ? references.ChannelsOf(binding.UserId)
                : references.Find(binding.ChannelId, binding.UserId) is { } found ? [(binding.ChannelId, found.LastMessageAt)] : [];
            foreach (var (channel, at) in channels)
            {
                if (best.Channel is null || at > best.At)
                {
                    best = (channel, binding.UserId, at);
                }
            }
        }

        return best.Channel is null ? Reach.NoConversation : new Reach(best.Channel, best.User, null);
    }
}
