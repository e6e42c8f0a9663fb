using System.Text.Json;
using System.Text.RegularExpressions;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace Gongkai.Web.Tests.Crawl;

/// <summary>
/// Follows every same-origin link a page renders, as one signed-in person (or anonymously), in one
/// browser context. Bounded: at most <see cref="MaxPages"/> pages, and a route with ids collapsed
/// (<c>/Office/Case/{id}</c>) at most <see cref="VisitsPerRoute"/> times. On each page: the status
/// (any 5xx; 404, sign-in or access-denied reached through a rendered link), every form's target
/// (route and handler exist; forms are never submitted), axe-core (once per route), and English words
/// or raw codes in the visible text, the title and title/aria-label/placeholder/alt.
/// </summary>
public sealed partial class AppCrawler(IPage page, RouteTable routes, string role, HashSet<string> axeDone)
{
    public const int MaxPages = 30;
    public const int VisitsPerRoute = 2;

    private static readonly string s_script = ReadScript();

    private readonly Dictionary<string, (string Page, int Count)> _failures = new(StringComparer.Ordinal);
    private readonly Queue<(string Url, string From)> _queue = new();
    private readonly HashSet<string> _seen = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _routeVisits = new(StringComparer.Ordinal);
    private readonly HashSet<string> _formsDone = new(StringComparer.Ordinal);
    private Uri _origin = null!;

    /// <summary>
    /// Failures known and owned elsewhere, each with its reason; the list is meant to shrink to nothing.
    /// </summary>
    public static readonly IReadOnlyList<(string Path, string What, string Reason)> KnownOpen = [];

    public int Pages { get; private set; }

    /// <summary>The routes visited (ids collapsed, see <see cref="RouteKey"/>).</summary>
    public IReadOnlyCollection<string> Routes => _routeVisits.Keys;

    /// <summary>Failures as "page — what — where", each once, with how many more pages showed it.</summary>
    public IEnumerable<string> Failures => _failures.Select(f =>
        $"[{role}] {f.Value.Page} — {f.Key}" + (f.Value.Count > 1 ? $"（另有 {f.Value.Count - 1} 页相同）" : ""));

    /// <summary>Crawls from the page's current URL and from the home page.</summary>
    public async Task RunAsync()
    {
        _origin = new Uri(new Uri(page.Url).GetLeftPart(UriPartial.Authority));
        Enqueue(page.Url, "登录后首页");
        Enqueue(new Uri(_origin, "/").ToString(), "起点");
        while (_queue.Count > 0 && Pages < MaxPages)
        {
            var (url, from) = _queue.Dequeue();
            var route = RouteKey(new Uri(url));
            var visits = _routeVisits.GetValueOrDefault(route);
            if (visits >= VisitsPerRoute)
            {
                continue;
            }

            _routeVisits[route] = visits + 1;
            Pages++;
            await VisitAsync(url, from, route);
        }
    }

    private async Task VisitAsync(string url, string from, string route)
    {
        var path = new Uri(url).PathAndQuery;
        IResponse? response;
        try
        {
            response = await page.GotoAsync(url, new() { WaitUntil = WaitUntilState.DOMContentLoaded, Timeout = 60_000 });
        }
        catch (PlaywrightException e) when (e.Message.Contains("Download is starting", StringComparison.Ordinal))
        {
            var download = await page.Context.APIRequest.GetAsync(url, new() { MaxRedirects = 0 });
            if (download.Status >= 400)
            {
                Fail(path, $"下载链接（来自 {from}）答复 {download.Status}");
            }

            return;
        }

        if (response is null)
        {
            return;
        }

        var status = response.Status;
        var landed = new Uri(page.Url).AbsolutePath;
        if (status >= 500)
        {
            Fail(path, $"服务器错误 {status}（链接来自 {from}）");
            return;
        }

        if (status == 404)
        {
            Fail(path, $"链接指向不存在的页面 404（来自 {from}）");
            return;
        }

        if (status >= 400)
        {
            Fail(path, $"链接答复 {status}（来自 {from}）");
            return;
        }

        if (landed.StartsWith("/Account/Login", StringComparison.OrdinalIgnoreCase) && !path.StartsWith("/Account/Login", StringComparison.OrdinalIgnoreCase)
            || landed.StartsWith("/Account/AccessDenied", StringComparison.OrdinalIgnoreCase))
        {
            Fail(path, $"页面显示的链接把本角色带到 {landed}（来自 {from}）");
            return;
        }

        var type = (await response.HeaderValueAsync("content-type")) ?? "";
        if (!type.StartsWith("text/html", StringComparison.OrdinalIgnoreCase))
        {
            return; // a feed or a file shown inline: data, not a page
        }

        var facts = JsonSerializer.Deserialize<PageFacts>(await page.EvaluateAsync<JsonElement>(s_script), JsonOptions)!;
        CheckText(path, "标题", facts.Title);
        foreach (var t in facts.Texts)
        {
            CheckText(path, t.Where, t.Text);
        }

        foreach (var t in facts.Attrs)
        {
            CheckText(path, t.Where, t.Text);
        }

        foreach (var form in facts.Forms)
        {
            await CheckFormAsync(path, form);
        }

        if (axeDone.Add(route))
        {
            var axe = await page.RunAxe();
            foreach (var v in axe.Violations)
            {
                Fail(path, $"无障碍 {v.Id}（{v.Impact}）{v.Help}：{string.Join(" | ", v.Nodes.Take(2).Select(n => Shorten(n.Html, 120)))}");
            }
        }

        foreach (var link in facts.Links)
        {
            Enqueue(link.Href, $"{path} 的链接“{link.Text}”");
        }
    }

    private async Task CheckFormAsync(string path, FormFacts form)
    {
        foreach (var target in form.Targets)
        {
            if (!Uri.TryCreate(target.Action, UriKind.Absolute, out var action) || !SameOrigin(action))
            {
                Fail(path, $"表单 {form.Where} 提交到站外 {target.Action}");
                continue;
            }

            var handler = Query(action).FirstOrDefault(p => p.Key.Equals("handler", StringComparison.OrdinalIgnoreCase)).Value;
            var method = target.Method == "post" ? "POST" : "GET";
            if (!_formsDone.Add($"{method} {RouteKey(new Uri(action.GetLeftPart(UriPartial.Path)))} {handler}"))
            {
                continue;
            }

            if (await routes.ProblemAsync(method, action.AbsolutePath, handler) is { } problem)
            {
                Fail(path, $"按钮“{target.Label}”（{form.Where}）{method} {action.PathAndQuery}：{problem}");
            }
        }

        if (form.Query is { } query && form.Targets.FirstOrDefault() is { Method: "get" } get && Uri.TryCreate(get.Action, UriKind.Absolute, out var to))
        {
            Enqueue(new UriBuilder(to) { Query = query }.Uri.ToString(), $"{path} 的查询表单");
        }
    }

    private void CheckText(string path, string where, string text)
    {
        var words = ForeignText.Words(text).Distinct().ToList();
        if (words.Count > 0)
        {
            Fail(path, $"英文或代码“{string.Join("、", words)}”在 {where}：{Shorten(text, 100)}");
        }
    }

    private void Enqueue(string href, string from)
    {
        if (!Uri.TryCreate(href, UriKind.Absolute, out var uri) || !SameOrigin(uri))
        {
            return;
        }

        var url = new UriBuilder(uri) { Fragment = "" }.Uri.ToString();
        if (uri.AbsolutePath.StartsWith("/Account/Logout", StringComparison.OrdinalIgnoreCase) || !_seen.Add(url))
        {
            return;
        }

        _queue.Enqueue((url, from));
    }

    private bool SameOrigin(Uri uri) => Uri.Compare(uri, _origin, UriComponents.SchemeAndServer, UriFormat.Unescaped, StringComparison.OrdinalIgnoreCase) == 0;

    private void Fail(string path, string what)
    {
        if (KnownOpen.Any(k => path.StartsWith(k.Path, StringComparison.OrdinalIgnoreCase) && what.Contains(k.What, StringComparison.Ordinal)))
        {
            return;
        }

        _failures[what] = _failures.TryGetValue(what, out var seen) ? (seen.Page, seen.Count + 1) : (path, 1);
    }

    /// <summary>The route of <paramref name="uri"/> with ids collapsed: segments with a digit become {id}, query values with a digit {n}.</summary>
    public static string RouteKey(Uri uri)
    {
        var segments = uri.AbsolutePath.Split('/').Select(s => s.Any(char.IsAsciiDigit) ? "{id}" : s);
        var query = Query(uri).Select(p => p.Key + "=" + (p.Value.Any(char.IsAsciiDigit) ? "{n}" : p.Value)).Order(StringComparer.Ordinal);
        return string.Join('/', segments).ToLowerInvariant() + "?" + string.Join('&', query);
    }

    private static IEnumerable<KeyValuePair<string, string>> Query(Uri uri) =>
        uri.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries).Select(p =>
        {
            var i = p.IndexOf('=', StringComparison.Ordinal);
            return i < 0
                ? new KeyValuePair<string, string>(Uri.UnescapeDataString(p), "")
                : new KeyValuePair<string, string>(Uri.UnescapeDataString(p[..i]), Uri.UnescapeDataString(p[(i + 1)..].Replace('+', ' ')));
        });

    private static string Shorten(string s, int max)
    {
        s = Whitespace().Replace(s, " ");
        return s.Length <= max ? s : s[..max] + "…";
    }

    private static string ReadScript()
    {
        using var stream = typeof(AppCrawler).Assembly.GetManifestResourceStream("page-facts.js")!;
        return new StreamReader(stream).ReadToEnd();
    }

    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web);

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    private sealed record PageFacts(string Title, List<TextFact> Texts, List<TextFact> Attrs, List<LinkFact> Links, List<FormFacts> Forms);

    private sealed record TextFact(string Text, string Where);

    private sealed record LinkFact(string Href, string Text);

    private sealed record FormFacts(List<FormTarget> Targets, string? Query, string Where);

    private sealed record FormTarget(string Action, string Method, string Label);
}
