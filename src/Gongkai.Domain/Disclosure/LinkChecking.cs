using System.Collections.Frozen;

namespace Gongkai.Domain.Disclosure;

/// <summary>The outcome of checking one link.</summary>
public enum LinkStatus
{
    /// <summary>The target exists.</summary>
    Resolves,

    /// <summary>The target does not exist (失效链接).</summary>
    Broken,

    /// <summary>An external link that was not checked (no checker for it, e.g. no internet access).</summary>
    UncheckedExternal,
}

/// <summary>Checks whether a link found in an item (or an attachment's location) resolves.</summary>
public interface ILinkChecker
{
    /// <param name="link">The link as written: absolute URL, site-relative path, or relative path.</param>
    /// <param name="cancellationToken">Cancels the check.</param>
    ValueTask<LinkStatus> CheckAsync(string link, CancellationToken cancellationToken = default);
}

/// <summary>
/// Checks links against the site's own published items and paths. A link is internal when it is
/// relative or its host is one of the site's hosts; internal links resolve when their path (without
/// query or fragment, trailing slash ignored) is known. Every other link is
/// <see cref="LinkStatus.UncheckedExternal"/>.
/// </summary>
public sealed class SiteLinkChecker : ILinkChecker
{
    private readonly FrozenSet<string> _hosts;
    private readonly FrozenSet<string> _paths;

    /// <param name="siteHosts">Host names of the site, e.g. <c>www.example.gov.cn</c>.</param>
    /// <param name="knownPaths">Paths that exist: published item URLs, attachment paths, static pages.</param>
    public SiteLinkChecker(IEnumerable<string> siteHosts, IEnumerable<string> knownPaths)
    {
        _hosts = siteHosts.Select(h => h.ToLowerInvariant()).ToFrozenSet(StringComparer.Ordinal);
        _paths = knownPaths.Select(NormalisePath).ToFrozenSet(StringComparer.Ordinal);
    }

    public ValueTask<LinkStatus> CheckAsync(string link, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(Check(link));

    public LinkStatus Check(string link)
    {
        var path = InternalPath(link);
        if (path is null)
        {
            return LinkStatus.UncheckedExternal;
        }

        return _paths.Contains(NormalisePath(path)) ? LinkStatus.Resolves : LinkStatus.Broken;
    }

    /// <summary>The site path of <paramref name="link"/> if it is internal, else null.</summary>
    public string? InternalPath(string link)
    {
        var text = link.Trim();
        if (Uri.TryCreate(text, UriKind.Absolute, out var abs) && (abs.Scheme == Uri.UriSchemeHttp || abs.Scheme == Uri.UriSchemeHttps))
        {
            return _hosts.Contains(abs.Host.ToLowerInvariant()) ? Uri.UnescapeDataString(abs.AbsolutePath) : null;
        }

        if (text.StartsWith("//", StringComparison.Ordinal) || text.Contains(':', StringComparison.Ordinal))
        {
            // Protocol-relative or another scheme (mailto:, javascript:, ftp:): not a site path.
            return Uri.TryCreate("http:" + text, UriKind.Absolute, out var pr) && text.StartsWith("//", StringComparison.Ordinal) && _hosts.Contains(pr.Host.ToLowerInvariant())
                ? Uri.UnescapeDataString(pr.AbsolutePath)
                : null;
        }

        var cut = text.IndexOfAny(['?', '#']);
        var path = cut >= 0 ? text[..cut] : text;
        return Uri.UnescapeDataString(path.StartsWith('/') ? path : "/" + path);
    }

    private static string NormalisePath(string path)
    {
        var cut = path.IndexOfAny(['?', '#']);
        var p = cut >= 0 ? path[..cut] : path;
        if (!p.StartsWith('/'))
        {
            p = "/" + p;
        }

        return p.Length > 1 ? p.TrimEnd('/') : p;
    }
}
