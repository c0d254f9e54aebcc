using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace OutreachBot.Dashboard;

/// <summary>
/// Password attempts from all client addresses together. Past Dashboard:LoginAttemptsPerMinuteInAll an attempt waits
/// its turn instead of being refused, so guessing from many addresses is slowed without turning staff away; only when
/// a minute's worth are already waiting does one get 429. Login links from chat never pass through here.
/// </summary>
internal sealed class PasswordAttempts : IDisposable
{
    private readonly TokenBucketRateLimiter _all;

    public PasswordAttempts(IOptions<DashboardOptions> options)
    {
        var perMinute = options.Value.LoginAttemptsPerMinuteInAll;
        _all = new TokenBucketRateLimiter(new TokenBucketRateLimiterOptions
        {
            TokenLimit = perMinute,
            TokensPerPeriod = 1,
            ReplenishmentPeriod = TimeSpan.FromMinutes(1) / perMinute,
            QueueLimit = perMinute,
            QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
            AutoReplenishment = true,
        });
    }

    public ValueTask<RateLimitLease> WaitTurnAsync(CancellationToken cancellationToken) => _all.AcquireAsync(1, cancellationToken);

    public void Dispose() => _all.Dispose();
}
