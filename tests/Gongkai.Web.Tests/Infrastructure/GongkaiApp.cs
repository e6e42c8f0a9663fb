using Gongkai.Data;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Gongkai.Web.Tests.Infrastructure;

/// <summary>The database a test runs against.</summary>
public enum Db
{
    Sqlite,
    Postgres,
}

/// <summary>
/// A fresh application and a fresh database per test (TodoApi's TodoApplication): a SQLite file in a
/// temporary folder, or a uniquely named PostgreSQL database on the server in GONGKAI_TEST_POSTGRES,
/// dropped afterwards. Demo agencies and users are seeded with <see cref="Password"/>.
/// </summary>
public sealed class GongkaiApp : WebApplicationFactory<Program>
{
    public const string Password = "Test-Passw0rd!";

    private readonly string _dir = Path.Combine(Path.GetTempPath(), "gongkai-tests", Guid.NewGuid().ToString("N"));
    private readonly string? _postgres;
    private readonly Dictionary<string, string?> _settings;
    private readonly TimeProvider? _clock;

    /// <param name="clock">The app's clock (e.g. a FakeTimeProvider); the system clock when null.</param>
    public GongkaiApp(Db db = Db.Sqlite, int casesPerAgency = 0, IDictionary<string, string?>? settings = null, TimeProvider? clock = null)
    {
        Db = db;
        _clock = clock;
        Directory.CreateDirectory(_dir);
        _settings = new Dictionary<string, string?>
        {
            ["Gongkai:Seed:Password"] = Password,
            ["Gongkai:Seed:CasesPerAgency"] = casesPerAgency.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Gongkai:Portal:ApplicationsPerMinute"] = "1000",
            ["Gongkai:Identity:LoginsPerAddressPerMinute"] = "1000",
            ["Logging:LogLevel:Default"] = "Warning",
        };
        if (db == Db.Postgres)
        {
            var server = Environment.GetEnvironmentVariable("GONGKAI_TEST_POSTGRES")
                ?? throw new InvalidOperationException("GONGKAI_TEST_POSTGRES is not set");
            _postgres = new NpgsqlConnectionStringBuilder(server) { Database = "gongkai_test_" + Guid.NewGuid().ToString("N")[..16], Pooling = false }.ConnectionString;
            _settings["ConnectionStrings:Postgres"] = _postgres;
        }
        else
        {
            _settings["ConnectionStrings:Sqlite"] = $"Data Source={Path.Combine(_dir, "gongkai.db")}";
        }

        foreach (var (k, v) in settings ?? new Dictionary<string, string?>())
        {
            _settings[k] = v;
        }
    }

    public Db Db { get; }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        foreach (var (k, v) in _settings)
        {
            builder.UseSetting(k, v);
        }

        // Hashing with the production work factor would dominate every test's run time.
        builder.ConfigureServices(s => s.Configure<PasswordHasherOptions>(o => o.IterationCount = 1000));
        if (_clock is { } clock)
        {
            builder.ConfigureTestServices(s => s.AddSingleton(clock));
        }
    }

    /// <summary>Runs <paramref name="work"/> with a scoped DbContext.</summary>
    public async Task<T> WithDbAsync<T>(Func<GongkaiDbContext, Task<T>> work)
    {
        await using var scope = Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<GongkaiDbContext>());
    }

    /// <summary>The id of the account named <paramref name="userName"/>.</summary>
    public Task<string> UserIdAsync(string userName) =>
        WithDbAsync(d => d.Users.Where(u => u.UserName == userName).Select(u => u.Id).SingleAsync());

    public override async ValueTask DisposeAsync()
    {
        if (_postgres is not null)
        {
            try
            {
                await using var scope = Services.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<GongkaiDbContext>().Database.EnsureDeletedAsync();
            }
            catch (InvalidOperationException)
            {
                // The host never started; nothing was created.
            }
        }

        await base.DisposeAsync();
        try
        {
            Directory.Delete(_dir, recursive: true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }

        GC.SuppressFinalize(this);
    }
}
