using BenchmarkDotNet.Running;
using Gongkai.Benchmarks;

// `-- --phases`: seed if needed, check, and time the phases of one database-fed compile (see CompileFromDatabasePhases).
if (args is ["--phases", ..])
{
    await CompileFromDatabasePhases.RunAsync();
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
