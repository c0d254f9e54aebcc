namespace OutreachBot.Bench.Replay.Runs;

public static class BadInputDrill
{
    public sealed record Result(bool Pass, string Detail);
}
