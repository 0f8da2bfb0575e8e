namespace SpeechQa.Batch.Jobs;

/// <summary>
/// Wakes this process's job server when work arrives, so it can sleep long between polls when idle.
/// Jobs enqueued by another process are seen at the next poll.
/// </summary>
public sealed class JobSignal : IDisposable
{
    private readonly SemaphoreSlim _semaphore = new(0, 1);

    public void Notify()
    {
        try
        {
            if (_semaphore.CurrentCount == 0)
                _semaphore.Release();
        }
        catch (SemaphoreFullException)
        {
            // Another thread signalled first; one pending wake-up is enough.
        }
        catch (ObjectDisposedException)
        {
            // Shutdown raced with a late enqueue: nobody is waiting any more.
        }
    }

    /// <summary>Waits until notified or the timeout passes; true if notified.</summary>
    public Task<bool> WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) => _semaphore.WaitAsync(timeout, cancellationToken);

    public void Dispose() => _semaphore.Dispose();
}
