namespace SnapSafe.Analyzers.Lambda.Models
{
    /// <summary>
    /// An executable assembly: <c>LambdaBootstrapBuilder.Create(handler, serializer).Build().RunAsync()</c> in
    /// <c>Main</c> or top-level statements. Init code: every statement before <c>RunAsync</c>; per invocation: the
    /// handler delegate. An entry point whose runtime start SnapSafe cannot see is treated like one too (its closures
    /// may be handler delegates), without init code.
    /// </summary>
    internal sealed class ExecutableModel : EntryPointModel
    {
        private readonly EntryPointStart _start;

        public ExecutableModel(ModelContext context, EntryPointStart start)
            : base(context, start)
        {
            _start = start;
        }

        public override string Name => "executable assembly";

        protected override EntryPointKind Kind => EntryPointKind.Executable;

        protected override bool OwnsEntryPoint => _start.Kind != EntryPointKind.MinimalApi;
    }
}
