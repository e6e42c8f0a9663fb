// Steady-state cost per report of two builds of Gongkai.Import, side by side in one process.
//
// Each build is loaded from its own folder into its own AssemblyLoadContext; both are warmed up
// (so the JIT and tiering have settled), then rounds alternate between them (new-base, base-new, …)
// and each round's process CPU time is divided by the reports imported. The ratio new/base of each
// round pair is printed with the median, minimum and maximum: load that comes and goes hits both
// sides of a pair alike. Start-up and JIT are measured separately (run.sh, whole processes).
//
// Usage: side-by-side NEW_DIR BASE_DIR ROUNDS ITERATIONS FILE...
using System.Diagnostics;
using System.Globalization;
using System.Reflection;
using System.Runtime.Loader;

if (args.Length < 5)
{
    Console.Error.WriteLine("usage: side-by-side NEW_DIR BASE_DIR ROUNDS ITERATIONS FILE...");
    return 2;
}

var rounds = int.Parse(args[2], CultureInfo.InvariantCulture);
var iterations = int.Parse(args[3], CultureInfo.InvariantCulture);
var files = args[4..].Select(f => (Name: Path.GetFileName(f), Bytes: File.ReadAllBytes(f))).ToArray();
var sides = new[] { Side.Load("new", args[0]), Side.Load("base", args[1]) };

foreach (var side in sides)
{
    for (var i = 0; i < 3; i++)
    {
        side.Run(files, iterations);
    }
}

var perReport = new List<double>[] { [], [] };
var ratios = new List<double>();
for (var r = 0; r < rounds; r++)
{
    var order = r % 2 == 0 ? new[] { 0, 1 } : [1, 0];
    var micro = new double[2];
    foreach (var s in order)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        var before = Process.GetCurrentProcess().TotalProcessorTime;
        sides[s].Run(files, iterations);
        var cpu = Process.GetCurrentProcess().TotalProcessorTime - before;
        micro[s] = cpu.TotalMicroseconds / (iterations * files.Length);
        perReport[s].Add(micro[s]);
    }

    ratios.Add(micro[0] / micro[1]);
    Console.WriteLine($"round {r + 1,2}: new {micro[0],7:F0} µs  base {micro[1],7:F0} µs  new/base {micro[0] / micro[1]:F3}");
}

static double Median(List<double> xs)
{
    var s = xs.Order().ToArray();
    return s.Length % 2 == 1 ? s[s.Length / 2] : (s[s.Length / 2 - 1] + s[s.Length / 2]) / 2;
}

Console.WriteLine($"new/base CPU per report: median {Median(ratios):F3} (min {ratios.Min():F3}, max {ratios.Max():F3}), {rounds} rounds × {iterations * files.Length} imports");
Console.WriteLine($"median µs per report: new {Median(perReport[0]):F0}, base {Median(perReport[1]):F0}");
return 0;

/// <summary>One build of Gongkai.Import, loaded from its folder.</summary>
internal sealed class Side(string name, MethodInfo import)
{
    private readonly bool _takesToken = import.GetParameters().Length == 3;

    public string Name { get; } = name;

    public static Side Load(string name, string folder)
    {
        var full = Path.GetFullPath(folder);
        var context = new AssemblyLoadContext(name);
        context.Resolving += (ctx, assemblyName) =>
        {
            var path = Path.Combine(full, assemblyName.Name + ".dll");
            return File.Exists(path) ? ctx.LoadFromAssemblyPath(path) : null;
        };
        var assembly = context.LoadFromAssemblyPath(Path.Combine(full, "Gongkai.Import.dll"));
        var importer = assembly.GetType("Gongkai.Import.ReportImporter", throwOnError: true)!;
        // Import(Stream, string, CancellationToken) since 2026-11-24; Import(Stream, string) before.
        var method = importer.GetMethod("Import", [typeof(Stream), typeof(string), typeof(CancellationToken)])
            ?? importer.GetMethod("Import", [typeof(Stream), typeof(string)])
            ?? throw new InvalidOperationException($"{folder}: no ReportImporter.Import(Stream, string[, CancellationToken])");
        return new Side(name, method);
    }

    public void Run((string Name, byte[] Bytes)[] files, int iterations)
    {
        for (var i = 0; i < iterations; i++)
        {
            foreach (var (fileName, bytes) in files)
            {
                using var stream = new MemoryStream(bytes, writable: false);
                _ = import.Invoke(null, _takesToken ? [stream, fileName, CancellationToken.None] : [stream, fileName]);
            }
        }
    }
}
