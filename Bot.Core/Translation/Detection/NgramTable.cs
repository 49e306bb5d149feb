namespace Bot.Core.Translation.Detection;

/// <summary>One language's n-grams of one length with their probabilities, in about 10 bytes each (Lingua's own
/// frozen dictionary of strings takes about 65). The first four characters of an n-gram are packed into a
/// <see cref="ulong"/> (16 bits each), a five-gram's fifth into a <see cref="ushort"/> beside it; the keys are sorted
/// and searched by halving. Each n-gram keeps the index of its probability in a table of the model's distinct
/// probabilities (each is a group's <c>count/total</c>; a model with more than 65,536 of them keeps a probability per
/// n-gram instead): the values are exactly Lingua's, and every sum over them comes out bit for bit the same.</summary>
internal sealed class NgramTable
{
    public static readonly NgramTable Empty = new(1, [], null, [], []);

    private const int MaxDistinct = ushort.MaxValue + 1;

    private readonly int length;
    private readonly ulong[] heads;
    private readonly ushort[]? fifths;
    private readonly ushort[]? valueIndexes;
    private readonly double[] values;

    /// <param name="valueIndexes">Null when <paramref name="values"/> holds each n-gram's own probability.</param>
    private NgramTable(int length, ulong[] heads, ushort[]? fifths, ushort[]? valueIndexes, double[] values)
    {
        this.length = length;
        this.heads = heads;
        this.fifths = fifths;
        this.valueIndexes = valueIndexes;
        this.values = values;
    }

    public int Count => heads.Length;

    /// <summary>Bytes held by the table's arrays.</summary>
    public long Bytes => (heads.Length * sizeof(ulong)) + ((fifths?.Length ?? 0) * sizeof(ushort)) + ((valueIndexes?.Length ?? 0) * sizeof(ushort)) + (values.Length * sizeof(double));

    /// <summary>Builds the table of n-grams of <paramref name="length"/> characters. Entries of another length are
    /// left out: Lingua looks a span up only in the model of its own length, so it never finds them either.</summary>
    public static NgramTable Build(int length, IEnumerable<KeyValuePair<string, double>> ngrams)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(length, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(length, 5);
        var distinct = new Dictionary<double, int>();
        var distinctValues = new List<double>();
        var entries = new List<(ulong Head, ushort Fifth, int Value)>();
        foreach (var (ngram, probability) in ngrams)
        {
            if (ngram.Length != length)
            {
                continue;
            }

            if (!distinct.TryGetValue(probability, out var index))
            {
                index = distinctValues.Count;
                distinct.Add(probability, index);
                distinctValues.Add(probability);
            }

            entries.Add((Head(ngram), length == 5 ? ngram[4] : (ushort)0, index));
        }

        entries.Sort(static (a, b) => a.Head != b.Head ? a.Head.CompareTo(b.Head) : a.Fifth.CompareTo(b.Fifth));
        var indexed = distinctValues.Count <= MaxDistinct;
        var heads = new ulong[entries.Count];
        var fifths = length == 5 ? new ushort[entries.Count] : null;
        var valueIndexes = indexed ? new ushort[entries.Count] : null;
        var own = indexed ? null : new double[entries.Count];
        for (var i = 0; i < entries.Count; i++)
        {
            if (i > 0 && entries[i].Head == entries[i - 1].Head && entries[i].Fifth == entries[i - 1].Fifth)
            {
                throw new InvalidDataException($"A language model of {length}-grams lists the same n-gram twice.");
            }

            heads[i] = entries[i].Head;
            if (fifths is not null)
            {
                fifths[i] = entries[i].Fifth;
            }

            if (valueIndexes is not null)
            {
                valueIndexes[i] = (ushort)entries[i].Value;
            }
            else
            {
                own![i] = distinctValues[entries[i].Value];
            }
        }

        return new NgramTable(length, heads, fifths, valueIndexes, own ?? [.. distinctValues]);
    }

    /// <summary>The n-gram's probability, or 0 when the model does not hold it (as Lingua's lookup).</summary>
    public double Probability(ReadOnlySpan<char> ngram)
    {
        if (ngram.Length != length || heads.Length == 0)
        {
            return 0;
        }

        var head = Head(ngram);
        ushort fifth = length == 5 ? ngram[4] : (ushort)0;
        var low = 0;
        var high = heads.Length - 1;
        while (low <= high)
        {
            var middle = low + ((high - low) >> 1);
            var order = heads[middle].CompareTo(head);
            if (order == 0 && fifths is not null)
            {
                order = fifths[middle].CompareTo(fifth);
            }

            if (order == 0)
            {
                return valueIndexes is null ? values[middle] : values[valueIndexes[middle]];
            }

            if (order < 0)
            {
                low = middle + 1;
            }
            else
            {
                high = middle - 1;
            }
        }

        return 0;
    }

    private static ulong Head(ReadOnlySpan<char> ngram)
    {
        var head = 0UL;
        var end = Math.Min(ngram.Length, 4);
        for (var i = 0; i < end; i++)
        {
            head = (head << 16) | ngram[i];
        }

        return head;
    }
}
