namespace Gongkai.Web.Tests;

public class AssemblyTests
{
    [Fact]
    public void WebAssembly_Loads() => Assert.Equal("Gongkai.Web", typeof(Program).Assembly.GetName().Name);
}
