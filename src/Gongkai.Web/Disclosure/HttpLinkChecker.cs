using Gongkai.Domain.Disclosure;

namespace Gongkai.Web.Disclosure;

/// <summary>
/// Production link checker: internal links by <see cref="SiteLinkChecker"/>; external ones by an HTTP
/// HEAD (then GET when HEAD is refused) with a short timeout. A timeout or network failure is reported
/// as unchecked, not broken, so an unreachable network never blocks publication; a 404 or 410 is broken.
/// </summary>
public sealed class HttpLinkChecker(SiteLinkChecker site, HttpClient? client = null) : ILinkChecker
{
    /// <summary>How long one external check may take.</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(3);

    private static readonly HttpClient s_client = new() { Timeout = Timeout };

    private readonly HttpClient _client = client ?? s_client;

    public async ValueTask<LinkStatus> CheckAsync(string link, CancellationToken cancellationToken = default)
    {
        var local = site.Check(link);
        if (local != LinkStatus.UncheckedExternal || !Uri.TryCreate(link, UriKind.Absolute, out var uri)
            || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            return local;
        }

        try
        {
            using var cts = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            cts.CancelAfter(Timeout);
            using var head = await _client.SendAsync(new HttpRequestMessage(HttpMethod.Head, uri), HttpCompletionOption.ResponseHeadersRead, cts.Token);
            var status = (int)head.StatusCode;
            if (status is 405 or 403 or 501)
            {
                using var get = await _client.GetAsync(uri, HttpCompletionOption.ResponseHeadersRead, cts.Token);
                status = (int)get.StatusCode;
            }

            return status is 404 or 410 ? LinkStatus.Broken : status < 400 ? LinkStatus.Resolves : LinkStatus.UncheckedExternal;
        }
        catch (HttpRequestException)
        {
            return LinkStatus.UncheckedExternal;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return LinkStatus.UncheckedExternal;
        }
    }
}
