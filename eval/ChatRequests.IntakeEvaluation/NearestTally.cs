using System.Globalization;

namespace ChatRequests.IntakeEvaluation;

/// <summary>
/// How often the item asked for is the encoder's nearest (and among the three nearest, the meaning's candidates) under each
/// of several readings of the item cosines, of every item sentence and of those the bot encodes (the hub and lending probes,
/// ADR 0077 and 0083; the adapter probe, ADR 0081). The one count of "the right item nearest" of the probes: see <see cref="Above"/>.
/// </summary>
internal sealed class NearestTally(IReadOnlyList<string> readings)
{
    private readonly int[] _first = new int[readings.Count], _three = new int[readings.Count], _encodedFirst = new int[readings.Count];
    private int _sentences, _encoded;

    /// <summary>How many item sentences were counted.</summary>
    public int Sentences => _sentences;

    /// <summary>One more item sentence, before its readings are added.</summary>
    public void Sentence(bool encoded) => (_sentences, _encoded) = (_sentences + 1, _encoded + (encoded ? 1 : 0));

    /// <summary>How many item sentences the bot encodes were counted.</summary>
    public int Encoded => _encoded;

    /// <summary>Of a reading: the item asked for nearest, among the three nearest, and nearest of those the bot encodes.</summary>
    public (int First, int Three, int EncodedFirst) Of(int reading) => (_first[reading], _three[reading], _encodedFirst[reading]);

    /// <summary>
    /// How many other items the message is at least as near as the item asked for (<paramref name="right"/>): 0 when it is
    /// nearest. Strictly higher: a tie counts as not nearest, so that no reading is credited by the catalog's order or by
    /// cosines that cannot tell two items apart. -1 for no item.
    /// </summary>
    public static int Above(float[] cosines, int right)
    {
        if (right < 0 || right >= cosines.Length)
        {
            return -1;
        }

        var above = 0;
        for (var i = 0; i < cosines.Length; i++)
        {
            above += i != right && cosines[i] >= cosines[right] ? 1 : 0;
        }

        return above;
    }

    /// <summary>Where the item asked for (<paramref name="right"/>) stands by the <paramref name="reading"/>'s cosines (<see cref="Above"/>).</summary>
    public void Add(int reading, float[] cosines, int right, bool encoded)
    {
        var at = Above(cosines, right);
        _first[reading] += at == 0 ? 1 : 0;
        _three[reading] += at is >= 0 and < 3 ? 1 : 0;
        _encodedFirst[reading] += at == 0 && encoded ? 1 : 0;
    }

    public void Print(string prefix = "")
    {
        Console.WriteLine($"{prefix}the item asked for nearest (among the three nearest), of {_sentences} item sentences; nearest of the {_encoded} the bot encodes:");
        for (var v = 0; v < readings.Count; v++)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  {readings[v],-36} {_first[v],5} ({(double)_first[v] / _sentences:P1}) ({_three[v]})  encoded {_encodedFirst[v],4} ({(double)_encodedFirst[v] / Math.Max(1, _encoded):P1})"));
        }
    }
}
