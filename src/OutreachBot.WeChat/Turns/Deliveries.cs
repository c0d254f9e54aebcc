namespace OutreachBot.WeChat.Turns;

internal enum AdmissionKind
{
    /// <summary>First delivery: start the turn.</summary>
    New,

    /// <summary>A retry while the first delivery is still running here: wait for its passive reply.</summary>
    Running,

    /// <summary>A retry after the first delivery was answered: answer the same.</summary>
    Answered,

    /// <summary>Taken in by this process and lost track of (should not happen): answer "success".</summary>
    Orphaned,
}

internal sealed record Admission(AdmissionKind Kind, Task<string?>? FirstDelivery = null, string? Reply = null);

/// <summary>
/// Makes each WeChat delivery start at most one turn: WeChat retries an unanswered message (three deliveries in
/// all, about 5 s apart), and a retry can arrive while the first delivery is still running. The claim is recorded in
/// the database before the turn starts, so this holds across a restart; a retry of a running delivery waits for the same
/// passive reply. A delivery taken in by a process that died before answering (kill -9, a crash) is run again when
/// WeChat retries it: the conversation state remembers which messages it already processed and dialog actions carry
/// an idempotency key, so what that process finished is not done twice and what it did not finish is not lost.
/// </summary>
internal sealed class Deliveries(DeliveryLog log)
{
    private readonly Dictionary<string, TaskCompletionSource<string?>> _running = new(StringComparer.Ordinal);

    public Admission Admit(string key)
    {
        lock (_running)
        {
            if (_running.TryGetValue(key, out var first))
            {
                return new Admission(AdmissionKind.Running, first.Task);
            }

            var earlier = log.TryClaim(key);
            if (earlier is { Finished: false } && earlier.Process != log.ProcessId)
            {
                log.Reclaim(key);
                earlier = null;
            }

            if (earlier is null)
            {
                _running[key] = new TaskCompletionSource<string?>(TaskCreationOptions.RunContinuationsAsynchronously);
                return new Admission(AdmissionKind.New);
            }

            return earlier.Finished ? new Admission(AdmissionKind.Answered, Reply: earlier.Reply) : new Admission(AdmissionKind.Orphaned);
        }
    }

    /// <summary>The first delivery's passive reply is known (null: "success"); retries waiting for it get the same.</summary>
    public void Decided(string key, string? passiveReply)
    {
        TaskCompletionSource<string?>? first;
        try
        {
            log.Finish(key, passiveReply);
        }
        finally
        {
            lock (_running)
            {
                _running.Remove(key, out first);
            }

            first?.TrySetResult(passiveReply);
        }
    }
}
