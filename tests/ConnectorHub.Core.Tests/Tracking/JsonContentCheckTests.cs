using System.Text;
using ConnectorHub.Core.Tracking.Requests;

namespace ConnectorHub.Core.Tests.Tracking;

public sealed class JsonContentCheckTests
{
    [Theory]
    [InlineData("""{"a":"ok","b":[1,2.5,-3e10,{"c":null}],"d":"\ud83d\ude00"}""")]
    [InlineData("""{"n":1e131071,"m":1e-16383,"z":0e999999999999,"f":12345.678e-16380}""")]
    [InlineData("""{"same":1,"nested":{"same":2},"list":[{"same":3},{"same":4}]}""")]
    public void StorableJson_HasNoProblem(string json) => Assert.Null(JsonContentCheck.FirstProblem(Encoding.UTF8.GetBytes(json), "$"));

    [Theory]
    [InlineData("""{"a":{"b":[1,"x\u0000"]}}""", "$.a.b[1]", "NUL")]
    [InlineData("""{"a":[{"k":"\udfff"}]}""", "$.a[0].k", "lone surrogate")]
    [InlineData("""{"\ud800":1}""", "$", "lone surrogate")]
    [InlineData("""{"a":{"k":1,"j":2,"k":3}}""", "$.a.k", "duplicate")]
    [InlineData("""{"n":1e131072}""", "$.n", "out of range")]
    [InlineData("""{"n":[0.5e-16383]}""", "$.n[0]", "out of range")]
    [InlineData("""{"n":1e1000000000000}""", "$.n", "out of range")]
    public void UnstorableJson_IsNamedWithItsPath(string json, string path, string what)
    {
        var problem = JsonContentCheck.FirstProblem(Encoding.UTF8.GetBytes(json), "$");

        Assert.NotNull(problem);
        Assert.Equal(path, problem.Path);
        Assert.Contains(what, problem.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void InvalidUtf8_IsFoundAtItsByte()
    {
        var json = Encoding.UTF8.GetBytes("""{"ok":"é","bad":"abXY"}""");
        var at = Array.IndexOf(json, (byte)'X');
        json[at] = 0xFF;

        var problem = JsonContentCheck.FirstProblem(json, "$.batch[4]");

        Assert.NotNull(problem);
        Assert.Equal("$.batch[4].bad", problem.Path);
        Assert.Equal(at, problem.Offset);
        Assert.Contains("UTF-8", problem.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void SkippedRootProperty_IsNotChecked()
    {
        var json = Encoding.UTF8.GetBytes("""{"batch":[{"a":1,"a":2}],"context":{"ip":"1"}}""");

        Assert.Null(JsonContentCheck.FirstProblem(json, "$", skipRootProperty: "batch"));
        Assert.Equal("$.batch[0].a", JsonContentCheck.FirstProblem(json, "$")!.Path);
    }
}
