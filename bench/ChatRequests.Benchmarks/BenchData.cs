using ChatRequests.Cards;
using ChatRequests.Cards.Gallery;
using ChatRequests.Core.Requests;
using Microsoft.Extensions.Time.Testing;

namespace ChatRequests.Benchmarks;

/// <summary>The gallery's laptop request at its steps, and a requester's list of 21 (what "my requests" reads), bound at a fixed time.</summary>
internal sealed class BenchData
{
    private BenchData(LaptopStory story, ServiceRequest pending, ServiceRequest assigned, IReadOnlyList<ServiceRequest> list, IntakeGuide guide)
    {
        Guide = guide;
        Story = story;
        Pending = pending;
        Assigned = assigned;
        List = list;
    }

    public LaptopStory Story { get; }

    /// <summary>What the help card offers: the sample catalog's categories and examples, and the service desk.</summary>
    public IntakeGuide Guide { get; }

    /// <summary>Logged, waiting for the manager.</summary>
    public ServiceRequest Pending { get; }

    /// <summary>Approved by both stages and taken by the agent.</summary>
    public ServiceRequest Assigned { get; }

    /// <summary>21 requests of the same requester, at different steps.</summary>
    public IReadOnlyList<ServiceRequest> List { get; }

    public RequestCards Cards { get; } = new(new FakeTimeProvider(LaptopStory.At(4, 12, 0)));

    public static BenchData Create() => CreateAsync().GetAwaiter().GetResult();

    private static async Task<BenchData> CreateAsync()
    {
        var organisation = SampleOrganisation.Load();
        var story = await LaptopStory.CreateAsync(organisation);
        var pending = await story.SubmitAsync();
        var assigned = await story.SubmitAsync();
        story.ManagerApproves(assigned);
        story.FinanceApproves(assigned);
        story.AgentTakesIt(assigned);

        var list = new List<ServiceRequest>();
        for (var i = 0; i < 21; i++)
        {
            var r = await organisation.SubmitAsync(
                $"REQ-{100 + i:D6}", story.Requester.Id, LaptopStory.Filled with { SubmissionKey = $"form-{i}" }, LaptopStory.At(2, 9, i));
            if (i % 3 > 0)
            {
                story.ManagerApproves(r);
            }

            if (i % 3 > 1)
            {
                story.FinanceApproves(r);
                story.AgentTakesIt(r);
            }

            list.Add(r);
        }

        return new BenchData(story, pending, assigned, list, IntakeGuide.For(organisation.Catalog.Items, new Signpost("Contact the IT service desk.", Link: null)));
    }
}
