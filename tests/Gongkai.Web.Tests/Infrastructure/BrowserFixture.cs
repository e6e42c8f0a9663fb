using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Gongkai.Web.Tests.Infrastructure;

/// <summary>
/// The app on a real Kestrel port on 127.0.0.1 and Debian's Chromium driven by Playwright. A missing
/// /usr/bin/chromium fails the tests with a clear message; it never skips them.
/// </summary>
public sealed class BrowserSession : IAsyncDisposable
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private BrowserSession(GongkaiApp app, IPlaywright playwright, IBrowser browser, string baseUrl)
    {
        App = app;
        Playwright = playwright;
        Browser = browser;
        BaseUrl = baseUrl;
    }

    public GongkaiApp App { get; }

    public IPlaywright Playwright { get; }

    public IBrowser Browser { get; }

    public string BaseUrl { get; }

    public static async Task<BrowserSession> StartAsync(int casesPerAgency = 0, TimeProvider? clock = null, Db db = Db.Sqlite, IDictionary<string, string?>? settings = null)
    {
        if (!File.Exists(ChromiumPath))
        {
            Assert.Fail($"Browser tests need Debian's Chromium at {ChromiumPath} (apt-get install chromium); it is missing.");
        }

        var port = FreePort();
        var app = new GongkaiApp(db, casesPerAgency: casesPerAgency, settings: settings, clock: clock);
        app.UseKestrel(o => o.Listen(IPAddress.Loopback, port));
        app.StartServer();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();

        var playwright = await Microsoft.Playwright.Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
        return new BrowserSession(app, playwright, browser, address.TrimEnd('/'));
    }

    public async Task<IPage> NewPageAsync()
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseUrl,
            Locale = "zh-CN",
            ViewportSize = new ViewportSize { Width = 1280, Height = 900 },
            AcceptDownloads = true,
        });
        return await context.NewPageAsync();
    }

    public async Task<IPage> LoginAsync(string user) => await LoginAsync(await NewPageAsync(), user);

    /// <summary>Signs in as <paramref name="user"/> through the login form on <paramref name="page"/>.</summary>
    public static async Task<IPage> LoginAsync(IPage page, string user)
    {
        await page.GotoAsync("/Account/Login");
        await page.GetByLabel("用户名").FillAsync(user);
        await page.GetByLabel("密码").FillAsync(GongkaiApp.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync();
        // Wait for the redirect itself (not for the next page's every resource), with room for a
        // slow first render on a loaded CI machine. The page's address is polled rather than waited
        // for by navigation event: a redirect committed before the waiter was set up was once missed
        // for 90 s while the page already showed /Admin/Users (PostgreSQL portal journey, 2026-12-06).
        try
        {
            await Assertions.Expect(page).Not.ToHaveURLAsync(
                new System.Text.RegularExpressions.Regex("/Account/Login"),
                new() { Timeout = 90_000 });
        }
        catch (Exception e) when (e is PlaywrightException or TimeoutException)
        {
            // Say what the page said instead of only that it did not move on.
            var text = await page.Locator("body").InnerTextAsync(new() { Timeout = 5_000 });
            throw new TimeoutException($"Signing in as {user} stayed on {page.Url}; the page says: {text[..Math.Min(text.Length, 600)]}", e);
        }

        await page.WaitForLoadStateAsync(LoadState.DOMContentLoaded, new() { Timeout = 90_000 });
        return page;
    }

    /// <summary>Saves a screenshot to docs/screenshots/web-<paramref name="name"/>.png when GONGKAI_SCREENSHOTS=1.</summary>
    public static async Task ScreenshotAsync(IPage page, string name)
    {
        if (Environment.GetEnvironmentVariable("GONGKAI_SCREENSHOTS") != "1")
        {
            return;
        }

        var target = Path.Combine(RepoRoot.Find() ?? ".", "docs", "screenshots");
        Directory.CreateDirectory(target);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(target, $"web-{name}.png"), FullPage = true });
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        await Browser.DisposeAsync();
        Playwright.Dispose();
        await App.DisposeAsync();
    }
}
