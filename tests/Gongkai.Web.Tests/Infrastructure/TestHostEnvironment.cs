using System.Runtime.CompilerServices;

namespace Gongkai.Web.Tests.Infrastructure;

/// <summary>
/// Settings every test host in this assembly shares, set before the first host starts.
/// Each web host watches its content root and wwwroot (asp-append-version); with inotify that is
/// one kernel instance per watcher, and a few hundred hosts exceed the default per-user limit of
/// 128. Tests never edit files under a running host, so they poll instead and do not reload config.
/// </summary>
internal static class TestHostEnvironment
{
    [ModuleInitializer]
    internal static void Initialise()
    {
        Environment.SetEnvironmentVariable("DOTNET_USE_POLLING_FILE_WATCHER", "true");
        Environment.SetEnvironmentVariable("DOTNET_hostBuilder__reloadConfigOnChange", "false");
    }
}
