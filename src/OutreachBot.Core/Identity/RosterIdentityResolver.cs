using OutreachBot.Roster;

namespace OutreachBot.Identity;

/// <summary>
/// Who a chat user is, from the bindings: a bound cadre or staff member as the roster has them now, everyone else a
/// resident. A binding whose person has left the roster counts for nothing. A demo binding (demo-cadre, demo-staff)
/// counts only for a caller on this machine: anyone elsewhere can name that user id (an anonymous request, a Direct
/// Line client choosing its own from.id), and the demo must never hand a stranger cadre or staff rights.
/// </summary>
public sealed class RosterIdentityResolver(IBindingStore bindings, IRosterStore roster) : IIdentityResolver
{
    public UserIdentity Resolve(string channelId, string userId, bool onThisMachine = false)
    {
        var binding = bindings.Find(channelId, userId, withDemo: onThisMachine);
        switch (binding?.Role)
        {
            case Role.Cadre when roster.FindCadre(binding.PersonId) is { } cadre:
                return new UserIdentity(channelId, userId, Role.Cadre, cadre.Id, cadre.Name, cadre.VillageId);
            case Role.Staff when roster.FindStaff(binding.PersonId) is { } staff:
                return new UserIdentity(channelId, userId, Role.Staff, staff.Id, staff.Name);
            default:
                return UserIdentity.Resident(channelId, userId);
        }
    }
}
