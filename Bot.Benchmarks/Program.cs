using Bot.Benchmarks;

return await BenchmarkProgram.RunAsync(args);
