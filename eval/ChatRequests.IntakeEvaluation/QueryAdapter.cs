using System.Globalization;
using ChatRequests.Core.Understanding;

namespace ChatRequests.IntakeEvaluation;

/// <summary>How an adapter of the message's vector is shaped and fitted (ADR 0081).</summary>
/// <param name="Rank">The rank r of U·Vᵀ; 0 for a diagonal reweighting of the dimensions.</param>
/// <param name="Penalty">λ of the penalty that keeps it near the identity (‖U‖² + ‖V‖², or ‖d‖²), per pair.</param>
internal sealed record AdapterShape(int Rank, float Penalty, int Epochs = 120, float Scale = 20f, float LearningRate = 0.01f, int Seed = 81)
{
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{(Rank == 0 ? "diagonal" : $"rank {Rank}")} l={Penalty} epochs={Epochs} scale={Scale}");

    public static bool TryParse(string rank, string penalty, out AdapterShape? shape)
    {
        shape = (rank == "diagonal" || int.TryParse(rank, CultureInfo.InvariantCulture, out _))
            && float.TryParse(penalty, CultureInfo.InvariantCulture, out var l)
            ? new AdapterShape(rank == "diagonal" ? 0 : int.Parse(rank, CultureInfo.InvariantCulture), l)
            : null;
        return shape is not null;
    }
}

/// <summary>One labelled message for the fit: its vector, its catalog's item texts' vectors and the item asked for.</summary>
internal sealed record AdapterPair(float[] Message, float[][][] Texts, int Right);

/// <summary>
/// A learned map of the message's sentence vector (ADR 0081): q' = normalise(q + U·Vᵀ·q), or q' = normalise(q ⊙ (1 + d)).
/// The item texts are not mapped. Fitted by full-batch Adam on a softmax over each message's catalog (an item's score its
/// best text's cosine with q', times a fixed scale), penalised towards the identity; seeded, so a fit is repeatable.
/// </summary>
internal sealed class QueryAdapter
{
    private readonly int _dim;
    private readonly int _rank;
    private readonly float[] _u; // dim × rank, row-major
    private readonly float[] _v; // dim × rank, row-major; for a diagonal, d (dim)

    private QueryAdapter(int dim, int rank, float[] u, float[] v) => (_dim, _rank, _u, _v) = (dim, rank, u, v);

    /// <summary>The message's vector mapped and of length 1 again (a new array).</summary>
    public float[] Apply(float[] q) => Vectors.Normalised(Unnormalised(q, _rank == 0 ? [] : Project(q)));

    /// <summary>q + U·w (w = Vᵀ·q), or q ⊙ (1 + d).</summary>
    private float[] Unnormalised(float[] q, float[] w)
    {
        var z = (float[])q.Clone();
        for (var i = 0; i < _dim; i++)
        {
            if (_rank == 0)
            {
                z[i] *= 1 + _v[i];
                continue;
            }

            for (var k = 0; k < _rank; k++)
            {
                z[i] += _u[(i * _rank) + k] * w[k];
            }
        }

        return z;
    }

    private float[] Project(float[] q)
    {
        var w = new float[_rank];
        for (var i = 0; i < _dim; i++)
        {
            for (var k = 0; k < _rank; k++)
            {
                w[k] += _v[(i * _rank) + k] * q[i];
            }
        }

        return w;
    }

    public static QueryAdapter Fit(IReadOnlyList<AdapterPair> pairs, AdapterShape shape)
    {
        var dim = pairs[0].Message.Length;
        var rank = shape.Rank;
        var random = new Random(shape.Seed);
        var u = new float[rank == 0 ? 0 : dim * rank];
        var v = new float[rank == 0 ? dim : dim * rank];
        if (rank > 0)
        {
            for (var i = 0; i < v.Length; i++)
            {
                v[i] = (float)(0.1 * Gaussian(random));
            }
        }

        var adapter = new QueryAdapter(dim, rank, u, v);
        var (adamU, adamV) = (new Adam(u.Length, shape.LearningRate), new Adam(v.Length, shape.LearningRate));
        for (var epoch = 0; epoch < shape.Epochs; epoch++)
        {
            var (gu, gv) = (new float[u.Length], new float[v.Length]);
            foreach (var pair in pairs)
            {
                adapter.Accumulate(pair, shape.Scale, gu, gv);
            }

            var n = pairs.Count;
            for (var i = 0; i < gu.Length; i++)
            {
                gu[i] = (gu[i] / n) + (2 * shape.Penalty * u[i]);
            }

            for (var i = 0; i < gv.Length; i++)
            {
                gv[i] = (gv[i] / n) + (2 * shape.Penalty * v[i]);
            }

            adamU.Step(u, gu);
            adamV.Step(v, gv);
        }

        return adapter;
    }

    /// <summary>Adds the gradient of one pair's cross-entropy to <paramref name="gu"/> and <paramref name="gv"/>.</summary>
    private void Accumulate(AdapterPair pair, float scale, float[] gu, float[] gv)
    {
        var q = pair.Message;
        var w = _rank == 0 ? [] : Project(q);
        var z = Unnormalised(q, w);
        var norm = MathF.Sqrt(Vectors.Dot(z, z));
        var qa = z.Select(x => x / norm).ToArray();
        var texts = pair.Texts;
        var (scores, best) = (new float[texts.Length], new int[texts.Length]);
        for (var i = 0; i < texts.Length; i++)
        {
            (scores[i], best[i]) = (float.MinValue, 0);
            for (var j = 0; j < texts[i].Length; j++)
            {
                var c = Vectors.Dot(texts[i][j], qa);
                if (c > scores[i])
                {
                    (scores[i], best[i]) = (c, j);
                }
            }
        }

        var max = scores.Max();
        var exp = scores.Select(s => MathF.Exp(scale * (s - max))).ToArray();
        var sum = exp.Sum();
        var dq = new float[_dim];
        for (var i = 0; i < texts.Length; i++)
        {
            var ds = scale * ((exp[i] / sum) - (i == pair.Right ? 1 : 0));
            var t = texts[i][best[i]];
            for (var x = 0; x < _dim; x++)
            {
                dq[x] += ds * t[x];
            }
        }

        // Through the normalisation: dL/dz = (dL/dq' − (dL/dq'·q')q') / ‖z‖.
        var along = Vectors.Dot(dq, qa);
        for (var x = 0; x < _dim; x++)
        {
            dq[x] = (dq[x] - (along * qa[x])) / norm;
        }

        if (_rank == 0)
        {
            for (var x = 0; x < _dim; x++)
            {
                gv[x] += dq[x] * q[x];
            }

            return;
        }

        var back = new float[_rank]; // Uᵀ·dL/dz
        for (var x = 0; x < _dim; x++)
        {
            for (var k = 0; k < _rank; k++)
            {
                gu[(x * _rank) + k] += dq[x] * w[k];
                back[k] += _u[(x * _rank) + k] * dq[x];
            }
        }

        for (var x = 0; x < _dim; x++)
        {
            for (var k = 0; k < _rank; k++)
            {
                gv[(x * _rank) + k] += q[x] * back[k];
            }
        }
    }

    private static double Gaussian(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());

    private sealed class Adam(int size, float rate)
    {
        private readonly float[] _m = new float[size];
        private readonly float[] _s = new float[size];
        private int _t;

        public void Step(float[] x, float[] g)
        {
            _t++;
            var (c1, c2) = (1 - MathF.Pow(0.9f, _t), 1 - MathF.Pow(0.999f, _t));
            for (var i = 0; i < x.Length; i++)
            {
                _m[i] = (0.9f * _m[i]) + (0.1f * g[i]);
                _s[i] = (0.999f * _s[i]) + (0.001f * g[i] * g[i]);
                x[i] -= rate * (_m[i] / c1) / (MathF.Sqrt(_s[i] / c2) + 1e-8f);
            }
        }
    }
}
