using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using Microsoft.CodeAnalysis.Text;
using SnapSafe.Analyzers.Configuration;
using SnapSafe.Analyzers.Deployment;
using SnapSafe.Analyzers.Lambda.Models;

namespace SnapSafe.Analyzers.Lambda
{
    /// <summary>
    /// The init-phase model of one compilation, built once on first use: the programming models recognize the
    /// functions, the walk runs their init code, and the parts below answer one question each: what init keeps
    /// (<see cref="KeptState"/>), which hooks it registers and in which order (<see cref="HookRegistrations"/>), what
    /// after-restore hooks refresh (<see cref="AfterRestoreRefreshes"/>), what runs per invocation
    /// (<see cref="InvocationReach"/>), how the container is used (<see cref="ServiceRegistrations"/>). Rules read
    /// these through this type and report per tree.
    /// </summary>
    internal sealed class InitPhase : IHazardContext
    {
        private readonly HazardRules _rules;
        private readonly CancellationToken _cancellationToken;
        private readonly BodyFactsTable _facts;
        private readonly InitWalk _walk;
        private InvocationReach? _invocationReach;
        private PackageVersions? _packageVersions;
        private Dictionary<SyntaxTree, List<Finding>> _findings = new Dictionary<SyntaxTree, List<Finding>>();

        private InitPhase(Compilation compilation, KnownTypes types, SnapSafeOptions options, SnapStartDeployment deployment, HazardRules rules, CancellationToken cancellationToken)
        {
            Compilation = compilation;
            Types = types;
            Options = options;
            _rules = rules;
            _cancellationToken = cancellationToken;
            Bodies = new SourceBodies(compilation, cancellationToken);
            _facts = new BodyFactsTable(types, rules);
            Models = ProgrammingModels.Create(new ModelContext(compilation, types, options, deployment.HandlerTypeNames, Bodies), _facts);
            if (Models.RuntimeStart is { } runtimeStart && Models.EntryPointStart.Body is { } entryBody)
            {
                // Closures in the run statement itself (the handler passed to LambdaBootstrapBuilder.Create) are built
                // before the runtime starts; whoever reads the entry body first must see that.
                _facts.SetEntryPoint(entryBody.Syntax, runtimeStart.Span.End);
            }

            // Callbacks a model says run while init builds the host are init code, and keep nothing.
            _facts.SetInitCallbacks(Models.RunsDuringInit);
            Hooks = new HookRegistrations();
            Refreshes = new AfterRestoreRefreshes(Bodies, rules, this);
            Kept = new KeptState();
            Services = new ServiceRegistrations();
            BeforeSnapshot = new BeforeSnapshotReach();
            _walk = new InitWalk(Bodies, _facts, rules, this, Kept, Hooks, Refreshes, Services, BeforeSnapshot, () => InvocationReach, deployment.IsMixed, cancellationToken, Models.RunsDuringInit);
            _walk.Calls = Calls;
        }

        public Compilation Compilation { get; }

        public KnownTypes Types { get; }

        public SnapSafeOptions Options { get; }

        public SourceBodies Bodies { get; }

        /// <summary>The programming models: which functions the compilation has and where their code runs.</summary>
        public ProgrammingModels Models { get; }

        /// <summary>What init keeps.</summary>
        public KeptState Kept { get; }

        /// <summary>The calls init makes that rules asked about (<see cref="IInitCallHazard"/>).</summary>
        public InitCalls Calls { get; } = new InitCalls();

        /// <summary>The hooks init registers, in order.</summary>
        public HookRegistrations Hooks { get; }

        /// <summary>What the after-restore hooks refresh.</summary>
        public AfterRestoreRefreshes Refreshes { get; }

        /// <summary>How init code uses the service container.</summary>
        public ServiceRegistrations Services { get; }

        /// <summary>The code that runs before the snapshot because of priming (before-snapshot hooks, warm-up requests).</summary>
        public BeforeSnapshotReach BeforeSnapshot { get; }

        /// <summary>The versions of the Amazon.Lambda packages the compilation references (read on first use).</summary>
        public PackageVersions PackageVersions => _packageVersions ??= PackageVersions.Read(Compilation);

        /// <summary>The code that runs per invocation (computed on first use).</summary>
        public InvocationReach InvocationReach => _invocationReach ??= InvocationReach.Compute(Models, Bodies, Types);

        public static InitPhase Build(Compilation compilation, KnownTypes types, SnapSafeOptions options, SnapStartDeployment deployment, HazardRules rules, CancellationToken cancellationToken)
        {
            var phase = new InitPhase(compilation, types, options, deployment, rules, cancellationToken);
            phase.Run();
            return phase;
        }

        /// <summary>The findings located in one tree.</summary>
        public IReadOnlyList<Finding> FindingsIn(SyntaxTree tree)
            => _findings.TryGetValue(tree, out var list) ? list : (IReadOnlyList<Finding>)System.Array.Empty<Finding>();

        /// <summary>The findings alone, by tree: what outlives the model (<see cref="InitPhaseCache"/>).</summary>
        public InitFindings PublishedFindings => new InitFindings(_findings);

        /// <summary>All findings (tests and tools).</summary>
        public IEnumerable<Finding> AllFindings
        {
            get
            {
                foreach (var list in _findings.Values)
                {
                    foreach (var finding in list)
                    {
                        yield return finding;
                    }
                }
            }
        }

        /// <summary>True when the method's (or constructor's) body runs during init.</summary>
        public bool RunsDuringInit(IMethodSymbol method) => Bodies.BodyOf(method.OriginalDefinition) is { } body && _walk.Walked(body.Syntax);

        /// <summary>The facts of the body that contains an operation (its locals' values, kept locals, closures).</summary>
        public BodyFacts FactsAround(IOperation operation) => _facts.Around(operation);

        /// <inheritdoc/>
        public IReadOnlyList<IOperation> ValuesOf(ILocalReferenceOperation local) => _facts.Around(local).ValuesOf(local.Local);

        /// <inheritdoc/>
        public IEnumerable<IOperation> DeclaredInitializersOf(ISymbol member)
        {
            foreach (var reference in member.DeclaringSyntaxReferences)
            {
                var node = reference.GetSyntax(_cancellationToken);
                var initializer = node switch
                {
                    VariableDeclaratorSyntax declarator => declarator.Initializer,
                    PropertyDeclarationSyntax property => property.Initializer,
                    _ => null,
                };

                if (initializer != null && Bodies.OperationOf(initializer) is ISymbolInitializerOperation symbolInitializer)
                {
                    yield return symbolInitializer.Value;
                }
            }
        }

        private void Run()
        {
            // Host and container setup, then the function objects the runtime builds, then what the container builds
            // for them; each model says which of its code that is.
            foreach (var model in Models.All)
            {
                model.EnqueueSetup(_walk);
            }

            foreach (var model in Models.All)
            {
                model.EnqueueFunctionObjects(_walk);
            }

            _walk.Drain();

            foreach (var model in Models.All)
            {
                model.EnqueueContainerServices(_walk, Services);
            }

            Services.EnqueueResolvedSingletons(_walk);
            _walk.Drain();

            // Priming: before the snapshot the runtime drains the before-snapshot hooks, and the framework replays the
            // warm-up requests; what that code leaves behind is kept like init's state.
            EnqueuePriming();
            _walk.Drain();

            var ruleFindings = new List<Finding>();
            foreach (var rule in _rules.ModelRules)
            {
                rule.Find(this, ruleFindings);
            }

            foreach (var call in Calls.All)
            {
                call.Hazard.Report(call, this, ruleFindings);
            }

            Publish(KeptStateFindings.Publish(Kept, Refreshes, InvocationReach, Models.RuntimeStart), ruleFindings);
        }

        private void EnqueuePriming()
        {
            foreach (var model in Models.All)
            {
                foreach (var request in model.WarmUpRequests(this))
                {
                    Hooks.AddWarmUp(request, frame: null);
                }
            }

            foreach (var hook in Hooks.All)
            {
                if (hook.AfterRestore)
                {
                    continue;
                }

                var frame = hook.Frame;
                var priming = PrimingSource.FromHook(hook);
                foreach (var body in hook.Bodies)
                {
                    _walk.Enqueue(body, new InitFrame(InitRootKind.Helper, frame.ThisKept, anchor: null, anchorFixable: false, frame.Arguments, runStatement: null, frame.Depth + 1, frame.OwnerType, frame.Origin, priming: priming));
                }
            }

            foreach (var (request, _) in Hooks.WarmUps)
            {
                foreach (var model in Models.All)
                {
                    model.EnqueueWarmUp(_walk, request, PrimingSource.FromWarmUp(request));
                }
            }
        }

        /// <summary>Partitions the findings by tree, one per rule and location.</summary>
        private void Publish(IEnumerable<Finding> keptFindings, List<Finding> ruleFindings)
        {
            var findings = new Dictionary<SyntaxTree, List<Finding>>();
            var seen = new HashSet<(string, SyntaxTree, TextSpan)>();
            foreach (var finding in keptFindings)
            {
                Add(finding);
            }

            foreach (var finding in ruleFindings)
            {
                Add(finding);
            }

            _findings = findings;

            void Add(Finding finding)
            {
                var tree = finding.Location.SourceTree;
                if (tree == null || !seen.Add((finding.Rule.Id, tree, finding.Location.SourceSpan)))
                {
                    return;
                }

                if (!findings.TryGetValue(tree, out var list))
                {
                    list = new List<Finding>();
                    findings.Add(tree, list);
                }

                list.Add(finding);
            }
        }
    }
}
