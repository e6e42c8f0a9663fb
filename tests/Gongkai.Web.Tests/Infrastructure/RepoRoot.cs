namespace Gongkai.Web.Tests.Infrastructure;

/// <summary>The repository's root folder (the one holding Gongkai.slnx), found upwards from the test binaries.</summary>
public static class RepoRoot
{
    /// <summary>The root folder, or null when the tests run outside the repository.</summary>
    public static string? Find()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Gongkai.slnx")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName;
    }
}
