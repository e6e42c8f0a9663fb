using Gongkai.Data.Entities;

namespace Gongkai.Web.Infrastructure;

/// <summary>A year of demo applications for each department.</summary>
public static class DemoCases
{
    public static Task SeedAsync(IServiceProvider services, IReadOnlyList<Agency> agencies, int perAgency) => Task.CompletedTask;
}
