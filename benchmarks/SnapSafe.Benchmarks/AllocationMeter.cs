using System;
using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace SnapSafe.Benchmarks
{
    /// <summary>
    /// Counts the bytes an analyzer allocates in its own callbacks: each action the analyzer registers is wrapped so
    /// that <see cref="GC.GetAllocatedBytesForCurrentThread"/> is read before and after it runs. Whatever the callback
    /// causes on its thread is the analyzer's, including the compiler's binding it asks for (GetOperation, GetSymbolInfo),
    /// just as Roslyn's telemetry counts that time as the analyzer's. The analyzer driver's own allocations (events,
    /// semantic models it hands out) are not. Actions nested in a symbol-start, code-block-start or operation-block-start
    /// action are counted through their start action only; SnapSafe registers none.
    /// </summary>
    internal sealed class AllocationMeter
    {
        private long _bytes;
        private int _compilationStarts;

        public long Bytes => Interlocked.Read(ref _bytes);

        /// <summary>How many times the analyzer's compilation-start actions ran (once per compilation the driver analyzes).</summary>
        public int CompilationStarts => Volatile.Read(ref _compilationStarts);

        public void CountCompilationStart() => Interlocked.Increment(ref _compilationStarts);

        public void Run(Action action)
        {
            var before = GC.GetAllocatedBytesForCurrentThread();
            try
            {
                action();
            }
            finally
            {
                Interlocked.Add(ref _bytes, GC.GetAllocatedBytesForCurrentThread() - before);
            }
        }

        public Action<T> Wrap<T>(Action<T> action) => context => Run(() => action(context));
    }

    /// <summary>Runs an analyzer with every action it registers counted by an <see cref="AllocationMeter"/>.</summary>
#pragma warning disable RS1001 // Registered by the harness only, never by a host.
    internal sealed class MeteredAnalyzer : DiagnosticAnalyzer
#pragma warning restore RS1001
    {
        private readonly DiagnosticAnalyzer _inner;

        public MeteredAnalyzer(DiagnosticAnalyzer inner, AllocationMeter meter)
        {
            _inner = inner;
            Meter = meter;
        }

        public AllocationMeter Meter { get; }

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => _inner.SupportedDiagnostics;

#pragma warning disable RS1025, RS1026 // The wrapped analyzer configures both.
        public override void Initialize(AnalysisContext context) => _inner.Initialize(new MeteredAnalysisContext(context, Meter));
#pragma warning restore RS1025, RS1026

        private sealed class MeteredAnalysisContext : AnalysisContext
        {
            private readonly AnalysisContext _inner;
            private readonly AllocationMeter _meter;

            public MeteredAnalysisContext(AnalysisContext inner, AllocationMeter meter)
            {
                _inner = inner;
                _meter = meter;
            }

            public override void EnableConcurrentExecution() => _inner.EnableConcurrentExecution();

            public override void ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags analysisMode) => _inner.ConfigureGeneratedCodeAnalysis(analysisMode);

            public override void RegisterCompilationStartAction(Action<CompilationStartAnalysisContext> action)
                => _inner.RegisterCompilationStartAction(context =>
                {
                    _meter.CountCompilationStart();
                    _meter.Run(() => action(new MeteredCompilationStartContext(context, _meter)));
                });

            public override void RegisterCompilationAction(Action<CompilationAnalysisContext> action) => _inner.RegisterCompilationAction(_meter.Wrap(action));

            public override void RegisterSemanticModelAction(Action<SemanticModelAnalysisContext> action) => _inner.RegisterSemanticModelAction(_meter.Wrap(action));

            public override void RegisterSymbolAction(Action<SymbolAnalysisContext> action, ImmutableArray<SymbolKind> symbolKinds) => _inner.RegisterSymbolAction(_meter.Wrap(action), symbolKinds);

            public override void RegisterSymbolStartAction(Action<SymbolStartAnalysisContext> action, SymbolKind symbolKind) => _inner.RegisterSymbolStartAction(_meter.Wrap(action), symbolKind);

            public override void RegisterCodeBlockStartAction<TLanguageKindEnum>(Action<CodeBlockStartAnalysisContext<TLanguageKindEnum>> action) => _inner.RegisterCodeBlockStartAction(_meter.Wrap(action));

            public override void RegisterCodeBlockAction(Action<CodeBlockAnalysisContext> action) => _inner.RegisterCodeBlockAction(_meter.Wrap(action));

            public override void RegisterSyntaxTreeAction(Action<SyntaxTreeAnalysisContext> action) => _inner.RegisterSyntaxTreeAction(_meter.Wrap(action));

            public override void RegisterAdditionalFileAction(Action<AdditionalFileAnalysisContext> action) => _inner.RegisterAdditionalFileAction(_meter.Wrap(action));

            public override void RegisterSyntaxNodeAction<TLanguageKindEnum>(Action<SyntaxNodeAnalysisContext> action, ImmutableArray<TLanguageKindEnum> syntaxKinds) => _inner.RegisterSyntaxNodeAction(_meter.Wrap(action), syntaxKinds);

            public override void RegisterOperationBlockStartAction(Action<OperationBlockStartAnalysisContext> action) => _inner.RegisterOperationBlockStartAction(_meter.Wrap(action));

            public override void RegisterOperationBlockAction(Action<OperationBlockAnalysisContext> action) => _inner.RegisterOperationBlockAction(_meter.Wrap(action));

            public override void RegisterOperationAction(Action<OperationAnalysisContext> action, ImmutableArray<OperationKind> operationKinds) => _inner.RegisterOperationAction(_meter.Wrap(action), operationKinds);
        }

        private sealed class MeteredCompilationStartContext : CompilationStartAnalysisContext
        {
            private readonly CompilationStartAnalysisContext _inner;
            private readonly AllocationMeter _meter;

            public MeteredCompilationStartContext(CompilationStartAnalysisContext inner, AllocationMeter meter)
                : base(inner.Compilation, inner.Options, inner.CancellationToken)
            {
                _inner = inner;
                _meter = meter;
            }

            public override void RegisterCompilationEndAction(Action<CompilationAnalysisContext> action) => _inner.RegisterCompilationEndAction(_meter.Wrap(action));

            public override void RegisterSemanticModelAction(Action<SemanticModelAnalysisContext> action) => _inner.RegisterSemanticModelAction(_meter.Wrap(action));

            public override void RegisterSymbolAction(Action<SymbolAnalysisContext> action, ImmutableArray<SymbolKind> symbolKinds) => _inner.RegisterSymbolAction(_meter.Wrap(action), symbolKinds);

            public override void RegisterSymbolStartAction(Action<SymbolStartAnalysisContext> action, SymbolKind symbolKind) => _inner.RegisterSymbolStartAction(_meter.Wrap(action), symbolKind);

            public override void RegisterCodeBlockStartAction<TLanguageKindEnum>(Action<CodeBlockStartAnalysisContext<TLanguageKindEnum>> action) => _inner.RegisterCodeBlockStartAction(_meter.Wrap(action));

            public override void RegisterCodeBlockAction(Action<CodeBlockAnalysisContext> action) => _inner.RegisterCodeBlockAction(_meter.Wrap(action));

            public override void RegisterOperationBlockStartAction(Action<OperationBlockStartAnalysisContext> action) => _inner.RegisterOperationBlockStartAction(_meter.Wrap(action));

            public override void RegisterOperationBlockAction(Action<OperationBlockAnalysisContext> action) => _inner.RegisterOperationBlockAction(_meter.Wrap(action));

            public override void RegisterSyntaxTreeAction(Action<SyntaxTreeAnalysisContext> action) => _inner.RegisterSyntaxTreeAction(_meter.Wrap(action));

            public override void RegisterAdditionalFileAction(Action<AdditionalFileAnalysisContext> action) => _inner.RegisterAdditionalFileAction(_meter.Wrap(action));

            public override void RegisterSyntaxNodeAction<TLanguageKindEnum>(Action<SyntaxNodeAnalysisContext> action, ImmutableArray<TLanguageKindEnum> syntaxKinds) => _inner.RegisterSyntaxNodeAction(_meter.Wrap(action), syntaxKinds);

            public override void RegisterOperationAction(Action<OperationAnalysisContext> action, ImmutableArray<OperationKind> operationKinds) => _inner.RegisterOperationAction(_meter.Wrap(action), operationKinds);
        }
    }
}
