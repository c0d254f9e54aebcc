namespace OutreachBot.Bench.Replay.Runs;

public static class ConcurrencyDrill
{
    public sealed record Result(bool Pass, string Detail);
}
