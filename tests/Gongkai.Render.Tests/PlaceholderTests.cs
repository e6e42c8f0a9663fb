namespace Gongkai.Render.Tests;

public class AssemblyTests
{
    [Fact]
    public void RenderAssembly_Loads() => Assert.Equal("Gongkai.Render", typeof(RenderAssembly).Assembly.GetName().Name);
}
