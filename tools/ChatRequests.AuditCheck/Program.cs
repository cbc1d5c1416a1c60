using ChatRequests.AuditCheck;

return await AuditCheckCommand.RunAsync(args, Console.Out, CancellationToken.None);
