using ConnectorHub.Templates.Tests.Support;
using ConnectorHub.TestSupport;

namespace ConnectorHub.Templates.Tests;

/// <summary>The connector guide's samples taken from the repository's connectors (the templates' are checked by <see cref="TemplateTests"/>).</summary>
public sealed class ConnectorGuideTests
{
    [Fact]
    public async Task RepositorySamples_AreTheRepositorysCode()
    {
        var samples = DocSamples.Of(DocSamples.Repository);

        Assert.NotEmpty(samples);
        foreach (var sample in samples)
        {
            var file = Path.Combine(RepoPaths.Root, sample.File);
            Assert.True(File.Exists(file), $"{DocSamples.GuidePath}:{sample.Line} quotes {sample.File}, which does not exist.");
            Assert.True(DocSamples.IsExcerptOf(sample, await File.ReadAllTextAsync(file)), $"{DocSamples.GuidePath}:{sample.Line}: the sample is not the code of {sample.File} any more; copy it again.");
        }
    }

    [Fact]
    public void IsExcerptOf_TellsAnExcerpt_FromCodeThatChanged()
    {
        const string file = "class C\n{\n    void M()\n    {\n        Call(1);\n    }\n}\n";

        Assert.True(DocSamples.IsExcerptOf(new DocSample("repo", "C.cs", "void M()\n{\n    Call(1);\n}", 1), file));
        Assert.False(DocSamples.IsExcerptOf(new DocSample("repo", "C.cs", "void M()\n{\n    Call(2);\n}", 1), file));
        Assert.False(DocSamples.IsExcerptOf(new DocSample("repo", "C.cs", "void M()\n{\nCall(1);\n}", 1), file));
    }
}
