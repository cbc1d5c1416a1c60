using ChatRequests.Core.Understanding;
using ChatRequests.IntakeEvaluation;

namespace ChatRequests.Intake.Tests;

/// <summary>
/// The fit of the match calibration and leave-one-catalog-out (ADR 0037), on three small catalogs written for these
/// tests (a brewery, a veterinary practice and a sailing club), none of them in eval/intake/.
/// </summary>
public sealed class CalibrationFitTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("calibration-fit-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public void Logistic_WeighsTheFeatureThatSeparatesTheRightTopsFromTheWrong()
    {
        var n = MatchFeatures.Names.Length;
        var x = Enumerable.Range(0, 40).Select(k => Row(n, k % 2 == 0 ? 1.0 : -1.0, k % 3)).ToList();
        var y = x.Select(row => row[1] > 0 ? 1.0 : 0.0).ToList();

        var w = Calibration.Logistic(x, y);

        Assert.True(w[1] > 1, $"the separating feature's weight {w[1]}");
        Assert.True(Math.Abs(w[2]) < w[1], $"a feature that says nothing weighs less ({w[2]})");
        var model = new MatchCalibration(w, 0.5, 0.5, 0.6);
        Assert.True(model.Probability(Row(n, 1, 0)) > 0.8);
        Assert.True(model.Probability(Row(n, -1, 0)) < 0.2);

        static double[] Row(int n, double separating, double noise)
        {
            var row = new double[n];
            (row[0], row[1], row[2]) = (1, separating, noise);
            return row;
        }
    }

    [Fact]
    public void ConditionalLogit_PutsTheRightCandidateOfEachMessageFirst_WhereMessagesDifferInLevel()
    {
        // Each message's right candidate has the highest first feature of its own candidates, but a wrong candidate of a
        // message with a high level has a higher one than the right candidate of a message with a low level (ADR 0073).
        var groups = Enumerable.Range(0, 20).Select(g =>
        {
            var level = g * 0.5;
            double[][] features = [[1, level, g % 3], [1, level + 0.5, (g + 1) % 3], [1, level + 1, (g + 2) % 3]];
            return (features, 2);
        }).ToList();

        var w = Calibration.ConditionalLogit(groups, [0.7, 0, 0]);

        Assert.Equal(0, w[0]);
        Assert.True(w[1] > 1, $"the feature that orders each message's candidates {w[1]}");
        Assert.All(groups, g => Assert.Equal(2, Enumerable.Range(0, 3).MaxBy(k => (w[1] * g.features[k][1]) + (w[2] * g.features[k][2]))));
    }

    [Fact]
    public void TheFit_LosesNoFigureAgainstTheRuleOnWhatItWasFittedOn()
    {
        var reads = Calibration.Read(Evaluation.Lexical(_root), Sets());
        var rule = new MatchCalibration(new double[MatchFeatures.Names.Length], 2, 0, 0.6);

        var fitted = Calibration.Score(reads, Calibration.Fit(reads, led: false, FitOptions.Default), led: false);
        var before = Calibration.Score(reads, rule, led: false);

        Assert.True(fitted.Top1.Hits >= before.Top1.Hits);
        Assert.True(fitted.Reachable.Hits >= before.Reachable.Hits);
        Assert.True(fitted.WrongForm.Hits <= before.WrongForm.Hits);
        Assert.True(fitted.Abstention.Hits >= before.Abstention.Hits);
    }

    [Fact]
    public void LeaveOneCatalogOut_ScoresEachCatalogOnceWithACalibrationFittedOnTheOthers()
    {
        var sets = Sets();
        var reads = Calibration.Read(Evaluation.Lexical(_root), sets);

        var (rows, total) = Calibration.LeaveOneCatalogOut(reads, led: false, FitOptions.Default);

        Assert.Equal(sets.Select(s => s.Name).Order(), rows.Select(r => r.Name));
        Assert.Equal(sets.Sum(s => s.Utterances.Count(u => u.Expect.StartsWith("item:", StringComparison.Ordinal))), total.Top1.Cases);
        foreach (var (name, calibration, figures) in rows)
        {
            var others = reads.Where(r => r.Set.Name != name).ToList();
            Assert.Equal(Calibration.Describe(Calibration.Fit(others, led: false, FitOptions.Default)), Calibration.Describe(calibration));
            Assert.Equal(Calibration.Score(reads.Where(r => r.Set.Name == name), calibration, led: false), figures);
        }
    }

    private List<LabelledSet> Sets() =>
    [
        Set("brewery", """
            [{"id": "tank-sensor", "name": "Tank temperature sensor", "category": "Brewhouse", "description": "A probe for a fermentation tank.", "keywords": ["tank probe"]},
             {"id": "keg-scanner", "name": "Keg scanner", "category": "Warehouse", "description": "A handheld scanner to track kegs.", "keywords": ["keg tracker"]},
             {"id": "laptop", "name": "Laptop", "category": "Office", "description": "A laptop for the office.", "keywords": ["notebook"]}]
            """,
            ("tank probe for FV3", "item:tank-sensor"), ("the keg scanner please", "item:keg-scanner"), ("a laptop", "item:laptop"),
            ("scanner for kegs in the yard", "item:keg-scanner"), ("a forklift", "none"), ("laptop bag", "none")),
        Set("vets", """
            [{"id": "kennel-camera", "name": "Kennel camera", "category": "Devices", "description": "A camera to watch the kennels.", "keywords": ["kennel cam"]},
             {"id": "label-printer", "name": "Label printer", "category": "Devices", "description": "Prints labels for medicine.", "keywords": ["label printer"]},
             {"id": "laptop-charger", "name": "Laptop charger", "category": "Devices", "description": "A spare charger.", "keywords": ["charger"]}]
            """,
            ("kennel cam for the cat ward", "item:kennel-camera"), ("label printer for dispensary", "item:label-printer"),
            ("my charger is frayed", "item:laptop-charger"), ("a new laptop", "none"), ("camera for the car park", "none")),
        Set("sailing", """
            [{"id": "race-timer", "name": "Race timer", "category": "Racing", "description": "A start timer for races.", "keywords": ["start clock"]},
             {"id": "club-laptop", "name": "Club laptop", "category": "Office", "description": "A laptop for the club office.", "keywords": ["office laptop"]},
             {"id": "radio", "name": "VHF radio", "category": "Safety", "description": "A handheld marine radio.", "keywords": ["vhf", "marine radio"]}]
            """,
            ("the race timer for saturday", "item:race-timer"), ("a vhf for the rib", "item:radio"), ("club laptop for the treasurer", "item:club-laptop"),
            ("a laptop", "item:club-laptop"), ("new sails", "none"), ("radio for the bar", "none")),
    ];

    private LabelledSet Set(string name, string items, params (string Text, string Expect)[] utterances)
    {
        File.WriteAllText(Path.Combine(_root, $"{name}.json"), $$"""{ "items": {{items}} }""");
        return new LabelledSet(name, LabelledSet.Tuning, $"{name}.json", [.. utterances.Select(u => new Utterance(u.Text, u.Expect, null))]);
    }
}
