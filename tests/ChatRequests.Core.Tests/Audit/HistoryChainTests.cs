using System.Text.Json;
using System.Text.Json.Nodes;
using ChatRequests.Core.Audit;
using ChatRequests.Core.Requests;
using ChatRequests.Core.Storage;
using static ChatRequests.PortContracts.SampleRequests;

namespace ChatRequests.Core.Tests.Audit;

public class HistoryChainTests
{
    [Fact]
    public void Verify_EveryLineTheDomainWrites_IsChainedAndIntact()
    {
        var request = FullLifecycle("REQ-000001");

        var verdict = HistoryChain.Verify(request);

        Assert.True(verdict.IsIntact, verdict.Describe(request.Id));
        Assert.Equal(request.History.Count, verdict.Entries);
        Assert.Equal(0, verdict.Predating);
        Assert.All(request.History, h => Assert.Matches("^[0-9a-f]{64}$", h.Hash!));
        Assert.Equal(HistoryChain.Link(HistoryChain.Genesis("REQ-000001"), request.History[0].Digest!), request.History[0].Hash);
        Assert.Equal("The history of REQ-000001 is intact: 13 entries, chain verified.", verdict.Describe(request.Id));
    }

    public static TheoryData<string> Fields => ["at", "actor id", "actor name", "action", "from", "to", "comment"];

    [Theory]
    [MemberData(nameof(Fields))]
    public void DigestOf_AnyFieldChanged_Differs(string field)
    {
        var entry = new AuditEntry(Start, Bob, AuditAction.Approve, RequestState.AwaitingApproval, RequestState.Approved, "Fine");
        var changed = field switch
        {
            "at" => entry with { At = Start.AddTicks(1) },
            "actor id" => entry with { Actor = Bob with { Id = "someone-else" } },
            "actor name" => entry with { Actor = Bob with { Name = "Bob Managers" } },
            "action" => entry with { Action = AuditAction.Reject },
            "from" => entry with { From = RequestState.Submitted },
            "to" => entry with { To = RequestState.Rejected },
            _ => entry with { Comment = null },
        };

        Assert.NotEqual(HistoryChain.DigestOf(entry), HistoryChain.DigestOf(changed));
    }

    [Fact]
    public void DigestOf_SameInstantInAnotherOffset_IsTheSame()
    {
        var entry = new AuditEntry(Start, Bob, AuditAction.Approve, RequestState.AwaitingApproval, RequestState.Approved, null);

        Assert.Equal(HistoryChain.DigestOf(entry), HistoryChain.DigestOf(entry with { At = Start.ToOffset(TimeSpan.FromHours(2)) }));
    }

    [Fact]
    public void Verify_CommentEdited_BreaksAtThatEntry()
    {
        var tampered = Tamper(FullLifecycle("REQ-000001"), h => h[1]!["comment"] = "Absolutely, buy two");

        AssertBroken(tampered, 1, ChainBreak.ContentChanged);
    }

    [Fact]
    public void Verify_ActorChanged_BreaksAtThatEntry()
    {
        var tampered = Tamper(FullLifecycle("REQ-000001"), h => h[2]!["actor"] = JsonSerializer.SerializeToNode(Dave, RequestJson.Options));

        AssertBroken(tampered, 2, ChainBreak.ContentChanged);
    }

    [Fact]
    public void Verify_EntryRemoved_BreaksAtTheEntryAfterIt()
    {
        var tampered = Tamper(FullLifecycle("REQ-000001"), h => h.RemoveAt(3));

        AssertBroken(tampered, 3, ChainBreak.LinkBroken);
    }

    [Fact]
    public void Verify_EntriesSwapped_SaysTheyWereReordered()
    {
        var tampered = Tamper(FullLifecycle("REQ-000001"), h =>
        {
            var third = h[3]!;
            h.RemoveAt(3);
            h.Insert(4, third);
        });

        AssertBroken(tampered, 3, ChainBreak.Reordered);
    }

    [Fact]
    public void Verify_EntryInsertedWithAValidHash_BreaksAtTheEntryAfterIt()
    {
        var request = FullLifecycle("REQ-000001");
        var forged = HistoryChain.Chain(
            new AuditEntry(Start.AddMinutes(90), Bob, AuditAction.WorkNote, RequestState.AwaitingApproval, RequestState.AwaitingApproval, "Backdated"),
            request.History[1].Hash!);
        var tampered = Tamper(request, h => h.Insert(2, JsonSerializer.SerializeToNode(forged, RequestJson.Options)));

        AssertBroken(tampered, 3, ChainBreak.Inserted);
    }

    [Fact]
    public void Verify_EditedEntryWithItsHashesRecomputed_BreaksAtTheNextEntry()
    {
        var request = FullLifecycle("REQ-000001");
        var edited = HistoryChain.Chain(request.History[1] with { Comment = "Absolutely, buy two" }, request.History[0].Hash!);
        var tampered = Tamper(request, h => h[1] = JsonSerializer.SerializeToNode(edited, RequestJson.Options));

        AssertBroken(tampered, 2, ChainBreak.LinkBroken);
    }

    [Fact]
    public void Verify_EveryHashRecomputedFromTheEditOn_CannotTell()
    {
        // The limit the chain has (ADR 0016): whoever can rewrite the whole document can rechain it; only an anchor kept
        // outside the document (not built) would show it.
        var request = FullLifecycle("REQ-000001");
        var rewritten = new List<AuditEntry>();
        foreach (var (entry, i) in request.History.Select((h, i) => (h, i)))
        {
            var content = i == 1 ? entry with { Comment = "Absolutely, buy two" } : entry;
            rewritten.Add(HistoryChain.Chain(content, i == 0 ? HistoryChain.Genesis(request.Id) : rewritten[^1].Hash!));
        }

        var tampered = Tamper(request, h =>
        {
            for (var i = 0; i < rewritten.Count; i++)
            {
                h[i] = JsonSerializer.SerializeToNode(rewritten[i], RequestJson.Options);
            }
        });

        Assert.True(HistoryChain.Verify(tampered).IsIntact);
    }

    [Fact]
    public void Verify_HistoryCopiedToAnotherRequest_BreaksAtTheFirstEntry()
    {
        var donor = Submit("REQ-000001");
        var json = JsonSerializer.SerializeToNode(Submit("REQ-000002"), RequestJson.Options)!;
        json["history"] = JsonSerializer.SerializeToNode(donor.History, RequestJson.Options);

        AssertBroken(json.Deserialize<ServiceRequest>(RequestJson.Options)!, 0, ChainBreak.LinkBroken);
    }

    [Fact]
    public void Verify_HashRemovedFromOneEntry_SaysItIsNotChained()
    {
        var tampered = Tamper(FullLifecycle("REQ-000001"), h => h[4]!.AsObject().Remove("hash"));

        AssertBroken(tampered, 4, ChainBreak.NotChained);
    }

    [Fact]
    public void RedactHistory_ReplacesActorAndComment_AndTheChainStillVerifies()
    {
        var request = FullLifecycle("REQ-000001");
        var before = request.History.Count;

        var redacted = request.RedactHistory(h => h.Actor.Id == Alice.Id, PersonRef.System, "retention: closed over 365 days", Start.AddDays(400));

        Assert.Equal(4, redacted);
        Assert.Equal(before + 1, request.History.Count);
        Assert.All(request.History.Where(h => h.Redacted), h =>
        {
            Assert.Equal(AuditEntry.RedactedActor, h.Actor);
            Assert.True(h.Comment is null or AuditEntry.RedactedText);
        });
        Assert.DoesNotContain(request.History, h => h.Comment == "German, please");
        var last = request.History[^1];
        Assert.Equal((AuditAction.Redact, PersonRef.System), (last.Action, last.Actor));
        Assert.Equal("4 history entries redacted: retention: closed over 365 days", last.Comment);
        Assert.True(HistoryChain.Verify(RoundTrip(request)).IsIntact);
    }

    [Fact]
    public void RedactHistory_NothingLeftToRedact_ChangesNothing()
    {
        var request = FullLifecycle("REQ-000001");
        request.RedactHistory(h => h.Actor.Id == Alice.Id, PersonRef.System, "retention", Start.AddDays(400));
        var count = request.History.Count;

        Assert.Equal(0, request.RedactHistory(h => h.Actor.Id == Alice.Id, PersonRef.System, "retention", Start.AddDays(401)));
        Assert.Equal(count, request.History.Count);
    }

    [Fact]
    public void Verify_RedactedEntryHoldingContent_SaysSo()
    {
        var request = FullLifecycle("REQ-000001");
        request.RedactHistory(h => h.Comment == "German, please", PersonRef.System, "data-subject erasure", Start.AddDays(2));
        var index = request.History.ToList().FindIndex(h => h.Redacted);

        var tampered = Tamper(request, h => h[index]!["comment"] = "German, please");

        AssertBroken(tampered, index, ChainBreak.RedactedHoldsContent);
    }

    [Fact]
    public void Verify_EditedEntryMarkedRedacted_SaysItHoldsContent()
    {
        var tampered = Tamper(FullLifecycle("REQ-000001"), h =>
        {
            h[1]!["comment"] = "Absolutely, buy two";
            h[1]!["redacted"] = true;
        });

        AssertBroken(tampered, 1, ChainBreak.RedactedHoldsContent);
    }

    [Fact]
    public void Verify_HistoryWrittenBeforeTheChain_IsUnsealedUntilItsNextEntry()
    {
        var legacy = WithoutChain(Submit("REQ-000001", stages: [ManagerStage()]));

        var unsealed = HistoryChain.Verify(legacy);
        legacy.Decide(Bob, approve: true, "Fine by me", 0, Start.AddHours(1));
        var sealedVerdict = HistoryChain.Verify(RoundTrip(legacy));

        Assert.Equal((ChainStatus.Unsealed, 2), (unsealed.Status, unsealed.Entries));
        Assert.Equal((ChainStatus.Intact, 2), (sealedVerdict.Status, sealedVerdict.Predating));
        var seal = legacy.History[2];
        Assert.Equal((AuditAction.SealHistory, PersonRef.System), (seal.Action, seal.Actor));
        Assert.Equal("History sealed; 2 earlier entries written before the chain", seal.Comment);
        Assert.Equal(AuditAction.Approve, legacy.History[3].Action);
        Assert.Equal(
            "The history of REQ-000001 is intact: 4 entries, chain verified (2 written before the chain were sealed into it).",
            sealedVerdict.Describe("REQ-000001"));
    }

    [Fact]
    public void RedactHistory_WrittenBeforeTheChain_SealsItFirst()
    {
        var legacy = WithoutChain(FullLifecycle("REQ-000001"));
        var count = legacy.History.Count;

        legacy.RedactHistory(h => h.Actor.Id == Alice.Id, PersonRef.System, "retention", Start.AddDays(400));

        Assert.Equal(AuditAction.SealHistory, legacy.History[count].Action);
        Assert.Equal(AuditAction.Redact, legacy.History[count + 1].Action);
        Assert.True(HistoryChain.Verify(RoundTrip(legacy)).IsIntact);
    }

    private static void AssertBroken(ServiceRequest request, int index, ChainBreak how)
    {
        var verdict = HistoryChain.Verify(request);

        Assert.Equal((ChainStatus.Broken, index, how), (verdict.Status, verdict.BrokenAt, verdict.Break));
        Assert.StartsWith($"The history of {request.Id} is broken at entry {index + 1} of {request.History.Count}: ", verdict.Describe(request.Id));
    }

    private static ServiceRequest Tamper(ServiceRequest request, Action<JsonArray> change)
    {
        var json = JsonSerializer.SerializeToNode(request, RequestJson.Options)!;
        change(json["history"]!.AsArray());
        return json.Deserialize<ServiceRequest>(RequestJson.Options)!;
    }

    private static ServiceRequest WithoutChain(ServiceRequest request) => Tamper(request, h =>
    {
        foreach (var entry in h)
        {
            entry!.AsObject().Remove("digest");
            entry.AsObject().Remove("hash");
        }
    });

    private static ServiceRequest RoundTrip(ServiceRequest request) =>
        JsonSerializer.Deserialize<ServiceRequest>(JsonSerializer.Serialize(request, RequestJson.Options), RequestJson.Options)!;
}
