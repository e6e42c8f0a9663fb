namespace Gongkai.Data;

/// <summary>Marker for the persistence assembly (EF Core DbContext and migrations).</summary>
public static class DataAssembly;
