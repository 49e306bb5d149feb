namespace Bot.Tests.Harness;

/// <summary>Marks a test class that takes among the longest of the suite (bridges started as child processes, many
/// restarts, thousands of generated updates): <see cref="LongFirstOrderer"/> starts such classes before the others, so
/// the short ones fill the slots beside them and no long class is left running alone at the end of the run. A class in
/// a named collection runs with it: mark the collection's definition instead.</summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class RunsLongAttribute : Attribute;
