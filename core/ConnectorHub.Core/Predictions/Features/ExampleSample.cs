using System.Runtime.CompilerServices;

namespace ConnectorHub.Core.Predictions.Features;

/// <summary>
/// A uniform sample of at most <c>limit</c> examples from a stream of any length, in bounded memory: each profile
/// gets a pseudo-random rank from its id and the sample keeps the lowest ranks (bottom-k). The same data give the
/// same sample on every node and every run.
/// </summary>
internal sealed class ExampleSample(int limit, ulong seed)
{
    // A max-heap by rank (the priority is negated): the root is the first to give way to a lower rank.
    private readonly PriorityQueue<ProfileFeatures, (ulong Rank, long Id)> _kept = new(Comparer<(ulong Rank, long Id)>.Create((a, b) => b.CompareTo(a)));

    /// <summary>How many examples went past.</summary>
    public long Seen { get; private set; }

    public void Add(ProfileFeatures example)
    {
        Seen++;
        var key = (Rank(example.ProfileId), example.ProfileId);
        if (_kept.Count < limit)
        {
            _kept.Enqueue(example, key);
        }
        else if (_kept.TryPeek(out _, out var highest) && key.CompareTo(highest) < 0)
        {
            _kept.DequeueEnqueue(example, key);
        }
    }

    /// <summary>The kept examples in profile id order.</summary>
    public IReadOnlyList<ProfileFeatures> Examples() => _kept.UnorderedItems.Select(i => i.Element).OrderBy(e => e.ProfileId).ToArray();

    /// <summary>Draws the sample from <paramref name="examples"/>.</summary>
    public static async Task<ExampleSample> DrawAsync(IAsyncEnumerable<ProfileFeatures> examples, int limit, ulong seed, CancellationToken cancellationToken)
    {
        var sample = new ExampleSample(limit, seed);
        await foreach (var example in examples.WithCancellation(cancellationToken))
        {
            sample.Add(example);
        }

        return sample;
    }

    // SplitMix64: a well-mixed 64-bit rank from the id, so any id pattern samples uniformly.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private ulong Rank(long id)
    {
        var z = unchecked((ulong)id + seed + 0x9E3779B97F4A7C15UL);
        z = unchecked((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL);
        z = unchecked((z ^ (z >> 27)) * 0x94D049BB133111EBUL);
        return z ^ (z >> 31);
    }
}
