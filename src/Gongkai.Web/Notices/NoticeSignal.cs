using System.Threading.Channels;

namespace Gongkai.Web.Notices;

/// <summary>Wakes the notice sender after a transaction that recorded notices has committed; holds the sender's gate.</summary>
public sealed class NoticeSignal
{
    private readonly Channel<bool> _channel = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });

    /// <summary>One send run at a time in this application (the worker and a direct call).</summary>
    public SemaphoreSlim Gate { get; } = new(1, 1);

    public void Poke() => _channel.Writer.TryWrite(true);

    /// <summary>Waits for a poke or <paramref name="timeout"/> (on <paramref name="clock"/>), whichever comes first.</summary>
    public async Task WaitAsync(TimeSpan timeout, TimeProvider clock, CancellationToken ct)
    {
        using var timer = new CancellationTokenSource(timeout, clock);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(ct, timer.Token);
        try
        {
            await _channel.Reader.ReadAsync(linked.Token);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            // The timeout: look for retries that have come due.
        }
    }
}
