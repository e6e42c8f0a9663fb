using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Gongkai.Data;

/// <summary>Which database the application uses.</summary>
public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}

/// <summary>The provider and connection string chosen by configuration.</summary>
public sealed record DatabaseSettings(DatabaseProvider Provider, string ConnectionString)
{
    /// <summary>The SQLite file used when nothing is configured.</summary>
    public const string DefaultSqlite = "Data Source=data/gongkai.db";

    /// <summary>
    /// PostgreSQL when <c>ConnectionStrings:Postgres</c> is set or <c>Database:Provider</c> is
    /// <c>postgres</c>; otherwise SQLite (<c>ConnectionStrings:Sqlite</c>, default <c>data/gongkai.db</c>).
    /// </summary>
    public static DatabaseSettings From(IConfiguration configuration)
    {
        var provider = configuration["Database:Provider"];
        var postgres = configuration.GetConnectionString("Postgres");
        if (string.Equals(provider, "postgres", StringComparison.OrdinalIgnoreCase)
            || string.Equals(provider, "postgresql", StringComparison.OrdinalIgnoreCase)
            || (string.IsNullOrEmpty(provider) && !string.IsNullOrEmpty(postgres)))
        {
            var cs = postgres ?? configuration.GetConnectionString("Default")
                ?? throw new InvalidOperationException("Database:Provider is postgres but ConnectionStrings:Postgres is not set.");
            return new DatabaseSettings(DatabaseProvider.Postgres, cs);
        }

        return new DatabaseSettings(DatabaseProvider.Sqlite, configuration.GetConnectionString("Sqlite") ?? DefaultSqlite);
    }
}

public static class DataServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="GongkaiDbContext"/> on the configured provider, pooled: a request takes a
    /// reset context from the pool instead of building one (the context holds no state of its own).
    /// </summary>
    public static IServiceCollection AddGongkaiData(this IServiceCollection services, IConfiguration configuration)
    {
        var settings = DatabaseSettings.From(configuration);
        services.AddSingleton(settings);
        if (settings.Provider == DatabaseProvider.Postgres)
        {
            services.AddDbContextPool<GongkaiDbContext, PostgresGongkaiDbContext>(o => o.UseGongkaiPostgres(settings.ConnectionString));
        }
        else
        {
            EnsureSqliteDirectory(settings.ConnectionString);
            services.AddDbContextPool<GongkaiDbContext, SqliteGongkaiDbContext>(o => o.UseGongkaiSqlite(settings.ConnectionString));
        }

        return services;
    }

    public static DbContextOptionsBuilder UseGongkaiSqlite(this DbContextOptionsBuilder options, string connectionString) =>
        options.UseSqlite(connectionString, o => o.MigrationsHistoryTable("__EFMigrationsHistory"));

    public static DbContextOptionsBuilder UseGongkaiPostgres(this DbContextOptionsBuilder options, string connectionString) =>
        options.UseNpgsql(connectionString);

    /// <summary>Creates the folder of a SQLite file (e.g. <c>data/</c>) so a fresh clone starts.</summary>
    public static void EnsureSqliteDirectory(string connectionString)
    {
        var builder = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(connectionString);
        var dir = Path.GetDirectoryName(Path.GetFullPath(builder.DataSource));
        if (!string.IsNullOrEmpty(builder.DataSource) && builder.DataSource != ":memory:" && !string.IsNullOrEmpty(dir))
        {
            Directory.CreateDirectory(dir);
        }
    }
}

/// <summary>Design-time factory for <c>dotnet ef migrations add … --context SqliteGongkaiDbContext</c>.</summary>
public sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteGongkaiDbContext>
{
    public SqliteGongkaiDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteGongkaiDbContext>().UseSqlite(DatabaseSettings.DefaultSqlite).Options);
}

/// <summary>Design-time factory for <c>dotnet ef migrations add … --context PostgresGongkaiDbContext</c>.</summary>
public sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresGongkaiDbContext>
{
    public PostgresGongkaiDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresGongkaiDbContext>().UseNpgsql("Host=localhost;Database=gongkai").Options);
}
