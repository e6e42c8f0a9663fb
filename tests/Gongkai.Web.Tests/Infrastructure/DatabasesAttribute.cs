using Xunit.Abstractions;
using Xunit.Sdk;

namespace Gongkai.Web.Tests.Infrastructure;

/// <summary>
/// A theory taking a <see cref="Db"/>, run once per database: SQLite always, PostgreSQL on the server
/// named by GONGKAI_TEST_POSTGRES. Without that server the PostgreSQL run is reported as skipped, with
/// the reason, on a developer machine, and fails under CI (<c>CI=true</c>, set by .ci/run), so CI can
/// never go quietly green on SQLite alone.
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
[XunitTestCaseDiscoverer("Gongkai.Web.Tests.Infrastructure.DatabaseTheoryDiscoverer", "Gongkai.Web.Tests")]
public sealed class DatabaseTheoryAttribute : FactAttribute;

/// <summary>Creates the SQLite and PostgreSQL test cases of a <see cref="DatabaseTheoryAttribute"/>.</summary>
public sealed class DatabaseTheoryDiscoverer(IMessageSink diagnosticMessageSink) : IXunitTestCaseDiscoverer
{
    public IEnumerable<IXunitTestCase> Discover(ITestFrameworkDiscoveryOptions discoveryOptions, ITestMethod testMethod, IAttributeInfo factAttribute)
    {
        var display = discoveryOptions.MethodDisplayOrDefault();
        var options = discoveryOptions.MethodDisplayOptionsOrDefault();
        yield return new XunitTestCase(diagnosticMessageSink, display, options, testMethod, [Db.Sqlite]);
        if (TestDatabases.PostgresSkipReason is { } reason)
        {
            yield return new XunitSkippedDataRowTestCase(diagnosticMessageSink, display, options, testMethod, reason, [Db.Postgres]);
        }
        else
        {
            yield return new XunitTestCase(diagnosticMessageSink, display, options, testMethod, [Db.Postgres]);
        }
    }
}

/// <summary>Whether the PostgreSQL integration tests can run here, and what happens when they cannot.</summary>
public static class TestDatabases
{
    public static bool PostgresConfigured => !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("GONGKAI_TEST_POSTGRES"));

    public static bool UnderCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// Why the PostgreSQL runs are skipped here, or null when they run.     /// missing server makes the PostgreSQL runs fail (GongkaiApp cannot start) instead of skipping.
    /// </summary>
    public static string? PostgresSkipReason =>
        PostgresConfigured || UnderCi
            ? null
            : "PostgreSQL variant skipped: GONGKAI_TEST_POSTGRES is not set (the README's test command, test.sh, starts a throw-away PostgreSQL)";
}
