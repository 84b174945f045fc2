using ConnectorHub.Connectors.File.Rows;

namespace ConnectorHub.Connectors.File.Tests.Rows;

public sealed class BoundedLineReaderTests
{
    [Fact]
    public async Task ReadLine_SplitsOnLfCrlfAndCr()
    {
        var lines = await ReadAllAsync("a\nb\r\nc\rd", maxLength: 100);

        Assert.Equal(["a", "b", "c", "d"], lines.Select(l => l.Text));
        Assert.Equal([1L, 2L, 3L, 4L], lines.Select(l => l.Number));
    }

    [Fact]
    public async Task ReadLine_LineLongerThanTheLimit_IsCutAndFlagged()
    {
        var lines = await ReadAllAsync(new string('x', 50_000) + "\nshort\n", maxLength: 1000, keep: 10);

        Assert.True(lines[0].TooLong);
        Assert.Equal(new string('x', 10), lines[0].Text);
        Assert.Equal("short", lines[1].Text);
        Assert.False(lines[1].TooLong);
    }

    [Fact]
    public async Task ReadLine_CrlfSplitAcrossBufferRefills_CountsAsOneBreak()
    {
        var text = new string('y', 16 * 1024 - 1) + "\r\nnext";

        var lines = await ReadAllAsync(text, maxLength: 100_000);

        Assert.Equal(2, lines.Count);
        Assert.Equal("next", lines[1].Text);
    }

    private static async Task<List<TextLine>> ReadAllAsync(string text, int maxLength, int keep = 100)
    {
        var reader = new BoundedLineReader(new StringReader(text), maxLength, keep);
        var lines = new List<TextLine>();
        while (await reader.ReadLineAsync(CancellationToken.None) is { } line)
        {
            lines.Add(line);
        }

        return lines;
    }
}
