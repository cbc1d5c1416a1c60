using ChatRequests.Core.Understanding;
using ChatRequests.IntakeEvaluation;

namespace ChatRequests.Intake.Tests;

/// <summary>The boosted trees of the sentence-led sureness (ADR 0075), measured in the evaluation and not stored.</summary>
public sealed class SureBoostTests
{
    /// <summary>Right when exactly one of two signals is on: an interaction no sum of weights can say.</summary>
    private static (List<double[]> X, List<double> Y) Exclusive()
    {
        var x = Enumerable.Range(0, 90).Select(k => new double[] { 1, k % 2, k % 3 == 0 ? 1 : 0, (k % 5) / 5.0 }).ToList();
        return (x, [.. x.Select(row => row[1] != row[2] ? 1.0 : 0.0)]);
    }

    [Fact]
    public void Fit_SeparatesAnInteraction_ThatTheLogisticRegressionCannot()
    {
        var (x, y) = Exclusive();

        var trees = SureBoost.Fit(x, y, new double[x.Count]);
        var boosted = new MatchCalibration([0.0], 0, 0, 0, [0.0, 0, 0, 0], SureExtra: SureExtra.Of(SureSignal.None, trees));
        var logistic = new MatchCalibration([0.0], 0, 0, 0, Calibration.Logistic(x, y));

        for (var k = 0; k < x.Count; k++)
        {
            Assert.Equal(y[k] == 1, boosted.Sureness(x[k]) > 0.5);
        }

        Assert.Contains(Enumerable.Range(0, x.Count), k => y[k] == 1 != logistic.Sureness(x[k]) > 0.5);
    }

    [Fact]
    public void Fit_GivesTheSameTrees_EveryRun()
    {
        var (x, y) = Exclusive();

        var first = SureBoost.Fit(x, y, new double[x.Count]);
        var second = SureBoost.Fit(x, y, new double[x.Count]);

        Assert.Equal(first, second);
    }

    [Fact]
    public void Sureness_AddsTheTreesToTheLogisticLogOdds()
    {
        var tree = new SureTree(1, 0.5, new SureSplit(0, 0, -1, -1), new SureSplit(2, 0.5, 0.5, 2));
        var calibration = new MatchCalibration([0.0], 0, 0, 0, [0.25, 0, 0], SureExtra: SureExtra.Of(SureSignal.None, [tree]));

        Assert.Equal(1 / (1 + Math.Exp(-(0.25 + 2))), calibration.Sureness([1, 1, 1]), 12);
        Assert.Equal(1 / (1 + Math.Exp(-(0.25 - 1))), calibration.Sureness([1, 0, 1]), 12);
    }
}
