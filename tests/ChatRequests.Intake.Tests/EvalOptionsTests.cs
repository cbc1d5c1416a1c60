using ChatRequests.IntakeEvaluation;

namespace ChatRequests.Intake.Tests;

/// <summary>The evaluation's command line (<see cref="EvalOptions.Parse"/>): what it reads, what it refuses, and which part a probe reads.</summary>
public sealed class EvalOptionsTests
{
    [Theory]
    [InlineData("--part tuning")]
    [InlineData("--part dev --encoder")]
    [InlineData("--part heldout --encoder --miss-kinds")]
    [InlineData("--fit --loco --encoder --goals-first --targets 0.02 0.93")]
    [InlineData("--dev-choice")]
    [InlineData("--encoder --hub-probe --part dev")]
    [InlineData("--encoder --parts-probe")]
    [InlineData("--encoder --query-probe")]
    [InlineData("--encoder --second-probe --loco --goals-first --targets 0.02 0.93")]
    [InlineData("--loco --encoder --reach-probe --form-probe --order-probe --sure-probe --failures")]
    [InlineData("--fit --encoder --hub-correction both all 0.5 --query-text ContentWhenLong 10 LessFrame --parts HalfGain")]
    [InlineData("--loco --encoder --fit-on tuning+dev --sure-shape Stumps --sure-signal Subsumes --listwise --cross-fitted-bars --no-agreed-bar")]
    [InlineData("--loco-all --encoder --b-targets 0.02 0.9")]
    [InlineData("--fit --loco --encoder --goals-first --targets 0.02 0.93 --cross-fit halves")]
    [InlineData("--encoder --adapter-probe --adapter diagonal 0.1")]
    [InlineData("--fit --model Both --pair-weight 0.5")]
    [InlineData("--fit-senses --model ArcticXs --no-query-prefix")]
    [InlineData("--rank-probe --part dev --failures")]
    [InlineData("--encoder-fidelity")]
    [InlineData("--encoder-probe --pair-probe --decisive-at 0.9 --none-lead 2")]
    [InlineData("--encoder --lend-probe")]
    [InlineData("--loco --encoder --goals-first --targets 0.02 0.93 --lend 0.7 0.05")]
    [InlineData("--dev-choice --lend 0.8 0")]
    [InlineData("--dev-choice --lend-head --lend 0.6 0.1")]
    [InlineData("--encoder --self-probe --self-questions Framed")]
    [InlineData("--loco --encoder --goals-first --targets 0.02 0.93 --self-calibrate Affine")]
    [InlineData("--dev-choice --self-calibrate Shift --self-questions Texts")]
    [InlineData("--fit --loco --encoder --goals-first --targets 0.02 0.93 --late-probe")]
    [InlineData("--loco --encoder --late-mix 0.5 --sure-signal LateLead")]
    [InlineData("--dev-choice --late")]
    public void Parse_ValidLine_GivesOptions(string line)
    {
        var (options, error) = EvalOptions.Parse(line.Split(' '));

        Assert.Null(error);
        Assert.NotNull(options);
    }

    [Fact]
    public void Parse_ValuesOfEachFlag_AreRead()
    {
        var (options, _) = EvalOptions.Parse("--fit --encoder --targets 0.02 0.93 --goals-first --query-text Content 12 --hub-correction items 5 0.25 --decisive-at 0.8".Split(' '));

        Assert.Equal(new Targets(0.02, 0.93), options!.FitOptions.Targets);
        Assert.True(options.FitOptions.GoalsFirst);
        Assert.Equal(new QueryChoice(QueryReading.Content, 12), options.QueryText);
        Assert.Equal(new HubCorrection(HubReference.Items, 5, 0.25f), options.Hub);
        Assert.Equal(0.8, options.DecisiveAt);
    }

    [Theory]
    [InlineData("--lend-head --lend 0.6 0.1")]
    [InlineData("--lend 0.6 0.1 --lend-head")]
    public void Parse_LendHead_HoldsWhereverItStands(string flags)
    {
        var (options, _) = EvalOptions.Parse($"--loco --encoder {flags}".Split(' '));

        Assert.Equal(new Lending(0.6f, 0.1f, SameHead: true), options!.Lend);
    }

    [Fact]
    public void Parse_CrossFit_IsRead()
    {
        var (options, _) = EvalOptions.Parse(["--loco", "--encoder", "--cross-fit", "folds"]);

        Assert.Equal(CrossFit.Folds, options!.FitOptions.CrossFit);
    }

    [Fact]
    public void Parse_BTargets_AreReadAsTwoNumbers()
    {
        var (options, _) = EvalOptions.Parse(["--loco-all", "--encoder", "--b-targets", "0.025", "0.93"]);

        Assert.Equal(new Targets(0.025, 0.93), options!.BTargets);
    }

    [Fact]
    public void Parse_CatalogShapeSignal_ImpliesTheCatalogsShape()
    {
        var (options, _) = EvalOptions.Parse(["--dev-choice", "--encoder", "--sure-signal", "SiblingLead"]);

        Assert.True(options!.CatalogShape);
    }

    [Fact]
    public void Parse_SecondModelsSignal_ImpliesTheSecondOpinion()
    {
        var (options, _) = EvalOptions.Parse(["--fit", "--encoder", "--sure-signal", "SecondLead"]);

        Assert.True(options!.SecondOpinion);
    }

    [Theory]
    [InlineData("LateLead")]
    [InlineData("LateNearest")]
    [InlineData("LateExplained")]
    public void Parse_LateSignal_ImpliesTheMessageReadWordByWord(string signal)
    {
        var (options, _) = EvalOptions.Parse(["--loco", "--encoder", "--sure-signal", signal]);

        Assert.True(options!.Late);
    }

    [Fact]
    public void Parse_LateMix_IsReadAndImpliesLate()
    {
        var (options, _) = EvalOptions.Parse(["--dev-choice", "--late-mix", "0.3"]);

        Assert.True(options!.Late);
        Assert.Equal(0.3f, options.LateMix);
    }

    [Theory]
    [InlineData("--bogus", "unknown flag --bogus")]
    [InlineData("--part everything", "--part takes")]
    [InlineData("--targets 0.02", "--targets takes")]
    [InlineData("--b-targets 0.025", "--b-targets takes")]
    [InlineData("--loco-all --encoder --b-targets 0.025 --encoder", "--b-targets takes")]
    [InlineData("--model Nonesuch", "--model takes")]
    [InlineData("--pair-weight 1.5 --model Both --fit", "--pair-weight takes")]
    [InlineData("--hub-correction both all", "--hub-correction takes")]
    [InlineData("--adapter 3", "--adapter takes")]
    [InlineData("--cross-fit thirds", "--cross-fit takes")]
    [InlineData("--cross-fit 1", "--cross-fit takes")]
    [InlineData("--model 0", "--model takes")]
    [InlineData("--cross-fit none", "--cross-fit takes")]
    [InlineData("--loco --encoder --cross-fit folds --cross-fitted-bars", "--cross-fitted-bars and --cross-fit are two ways")]
    [InlineData("--pair-weight 0.3", "--pair-weight weighs the two models of --model Both only")]
    [InlineData("--model Both --fit --pair-weight 0.123", "--pair-weight 0.123: no senses are fitted for it")]
    [InlineData("--model Both --loco --encoder --order-probe", "--model Both --order-probe needs --fit")]
    [InlineData("--model Both --encoder", "--model Both is measured by --fit, --loco, --dev-choice and --fit-senses only")]
    [InlineData("--hub-probe", "--hub-probe needs --encoder")]
    [InlineData("--query-probe --part dev", "--query-probe needs --encoder")]
    [InlineData("--adapter-probe", "--adapter-probe needs --encoder")]
    [InlineData("--loco-all", "--loco-all needs --encoder")]
    [InlineData("--loco --reach-probe", "--reach-probe needs --encoder")]
    [InlineData("--loco --second-probe", "--second-probe needs --encoder")]
    [InlineData("--encoder --catalog-shape-probe", "--catalog-shape-probe needs --loco")]
    [InlineData("--encoder --form-probe", "--form-probe needs --loco")]
    [InlineData("--fit --encoder --sure-probe", "--sure-probe needs --loco")]
    [InlineData("--lend-probe --part dev", "--lend-probe needs --encoder")]
    [InlineData("--loco --lend 0.7 0", "--lend needs --encoder")]
    [InlineData("--encoder --lend 0.7 0", "--lend is measured by --loco and --dev-choice only")]
    [InlineData("--fit --encoder --lend 0.7 -0.1", "--lend takes")]
    [InlineData("--loco --encoder --lend-head", "--lend-head needs --lend")]
    [InlineData("--self-probe", "--self-probe needs --encoder")]
    [InlineData("--loco --self-calibrate Affine", "--self-calibrate needs --encoder")]
    [InlineData("--encoder --self-calibrate Affine", "--self-calibrate is measured by --loco and --dev-choice only")]
    [InlineData("--loco --encoder --self-questions Framed", "--self-questions needs --self-probe or --self-calibrate")]
    [InlineData("--loco --encoder --self-calibrate Wider", "--self-calibrate takes")]
    [InlineData("--encoder --late", "--late (and the Late signals) is measured by --loco and --dev-choice")]
    [InlineData("--fit --encoder --sure-signal LateLead", "--late (and the Late signals) is measured by --loco and --dev-choice")]
    [InlineData("--loco --model Both --late", "--late (and the Late signals) is measured by --loco and --dev-choice with one sentence model only")]
    [InlineData("--loco --late-probe", "--late-probe needs --encoder")]
    [InlineData("--loco --encoder --late-probe --late-mix 0.5", "--late-probe reads the pooled cosines")]
    [InlineData("--loco --encoder --late-mix 1.5", "--late-mix takes")]
    public void Parse_Refused_NamesTheFlag(string line, string expected)
    {
        var (options, error) = EvalOptions.Parse(line.Split(' '));

        Assert.Null(options);
        Assert.StartsWith(expected, error);
    }

    [Fact]
    public void Parse_SelfCalibration_ReadsTheScaleAndTheQuestions()
    {
        var (options, _) = EvalOptions.Parse("--dev-choice --self-questions Framed --self-calibrate Shift".Split(' '));

        Assert.Equal(SelfScale.Shift, options!.SelfCalibrate);
        Assert.Equal(SelfQuestions.Framed, options.SelfQuestions);
    }

    [Theory]
    [InlineData(LabelledSet.Tuning, LabelledSet.Tuning)]
    [InlineData(LabelledSet.Development, LabelledSet.Development)]
    [InlineData(LabelledSet.HeldOut, LabelledSet.Tuning)]
    [InlineData("all", LabelledSet.Tuning)]
    public void ProbedPart_IsTheDevelopmentSetsOrTheTuningPart_WhateverThePartAskedFor(string part, string probed)
    {
        var (options, _) = EvalOptions.Parse(["--part", part]);

        Assert.Equal(probed, options!.ProbedPart);
    }

    [Fact]
    public void Usage_NamesEveryFlagTheProgramDocuments()
    {
        var program = File.ReadAllText(Path.Combine(Evaluation.FindRoot(), "eval", "ChatRequests.IntakeEvaluation", "Program.cs"));
        var documented = System.Text.RegularExpressions.Regex.Matches(program, @"--[a-z][a-z-]+").Select(m => m.Value).Distinct().Where(flag => flag != "--project");

        Assert.All(documented, flag => Assert.Contains($"[{flag}", EvalOptions.Usage));
    }
}
