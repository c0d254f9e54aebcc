using System.Collections.Concurrent;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace OutreachBot.WeChat.Turns;

/// <summary>
/// Turns and API sends that outlive the HTTP request that started them (WeChat is answered within its 5 seconds,
/// the turn goes on). Shutdown waits for them, so a stopping host does not cut a reply or a state save in half.
/// </summary>
internal sealed class BackgroundWork(ILogger<BackgroundWork> logger) : IHostedService
{
    private readonly ConcurrentDictionary<Task, bool> _running = new();

    public Task Run(Func<Task> work) => Track(Task.Run(work));

    public T Track<T>(T task)
        where T : Task
    {
        _running[task] = true;
        _ = task.ContinueWith(
            finished =>
            {
                _running.TryRemove(finished, out _);
                if (finished.Exception is { } failure)
                {
                    logger.LogError("WeChat background work failed ({ExceptionType}): {StackTrace}", failure.InnerException?.GetType().FullName, failure.InnerException?.StackTrace);
                }
            },
            CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);
        return task;
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) =>
        Task.WhenAll(_running.Keys).WaitAsync(cancellationToken).ContinueWith(_ => { }, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
}
