using ChatRequests.Core.Understanding;
using static ChatRequests.IntakeEvaluation.Report;

namespace ChatRequests.IntakeEvaluation;

/// <summary>
/// <c>--fit-senses</c> (ADR 0045): how often each command's and the faults' sentences are nearest an exemplar of their kind,
/// the sense calibration leave-one-catalog-out and fitted on the whole tuning part, against the stored line.
/// </summary>
internal static class SenseFitReport
{
    public static void Run(IReadOnlyList<ReadUtterance> tuning, Evaluation lexical, ISentenceEncoder encoder, bool list)
    {
        var cases = SenseFit.Cases(tuning, lexical, encoder);
        foreach (var group in cases.Where(c => c.Expect.StartsWith("command:", StringComparison.Ordinal) || c.Expect == "incident").GroupBy(c => c.Expect).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var nearest = group.Count(c => c.Expect == "incident" ? c.Alone.FaultCosine > c.Alone.CommandCosine : c.Expect == $"command:{c.Alone.Command}" && c.Alone.CommandCosine > c.Alone.FaultCosine);
            Console.WriteLine($"{group.Key,-22} nearest exemplar of its kind: {nearest}/{group.Count()}");
        }

        var rows = SenseFit.LeaveOneCatalogOut(cases);
        foreach (var (name, calibration, alone, before, after) in rows)
        {
            Console.WriteLine($"leave-one-catalog-out / {name}: {SenseFit.Describe(calibration)}; by meaning alone {alone}");
            PrintFigures($"  {name}, words and meaning as before", before);
            PrintFigures($"  {name}, with commands and faults by meaning", after);
            if (list)
            {
                foreach (var change in SenseFit.Changes(cases.Where(c => c.Read.Set.Name == name), calibration))
                {
                    Console.WriteLine($"    {change}");
                }
            }
        }

        PrintFigures("leave-one-catalog-out / all, as before", rows.Aggregate(Figures.Empty, (sum, r) => sum + r.Before));
        PrintFigures("leave-one-catalog-out / all, with commands and faults by meaning", rows.Aggregate(Figures.Empty, (sum, r) => sum + r.After));
        var total = rows.Aggregate(default(SenseFit.Alone), (sum, r) => new(
            sum.Commands + r.Alone.Commands, sum.CommandCases + r.Alone.CommandCases, sum.Faults + r.Alone.Faults, sum.FaultCases + r.Alone.FaultCases,
            sum.Taken + r.Alone.Taken, sum.Asks + r.Alone.Asks));
        Console.WriteLine($"leave-one-catalog-out / all, by meaning alone: {total}");
        Console.WriteLine($"stored (SenseCalibration.Fitted): {SenseFit.Describe(SenseCalibration.Fitted)}; by meaning alone {SenseFit.ByMeaningAlone(cases, SenseCalibration.Fitted)}");
        PrintFigures("tuning / all, stored", SenseFit.Decided(cases, SenseCalibration.Fitted));
        var fitted = SenseFit.Fit(cases);
        Console.WriteLine($"fitted on all: {SenseFit.Describe(fitted)}; by meaning alone {SenseFit.ByMeaningAlone(cases, fitted)}");
        PrintFigures("tuning / all, fitted on all", SenseFit.Decided(cases, fitted));
    }
}
