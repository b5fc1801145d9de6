using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Formatting;
using SnapSafe.Analyzers.CodeFixes.HookWriting;

namespace SnapSafe.Analyzers.CodeFixes.AfterRestore
{
    /// <summary>
    /// One finding turned into what an after-restore hook repeats: the statements (the store, and the statements that
    /// compute the locals it reads when those carry the hazard), the hook sites that must run them, and the
    /// declarations that must become assignable. The statements are rewritten once for bounded restore work
    /// (<see cref="BoundedWork"/>); each site only checks that their names mean the same there.
    /// </summary>
    internal sealed class Reinitialization : IHookWork
    {
        public Reinitialization(
            Document document,
            Diagnostic diagnostic,
            ImmutableArray<ReinitializationStep> steps,
            ImmutableArray<HookSite> sites,
            ImmutableArray<(SyntaxNode Declaration, Document Document)> assignable)
        {
            Document = document;
            Diagnostic = diagnostic;
            Steps = steps;
            Sites = sites;
            Assignable = assignable;
            NeedsAwait = steps.Any(s => s.NeedsAwait);
        }

        public Document Document { get; }

        public Diagnostic Diagnostic { get; }

        public ImmutableArray<ReinitializationStep> Steps { get; }

        public ImmutableArray<HookSite> Sites { get; }

        /// <summary><c>readonly</c> fields and get-only auto-properties the hook assigns.</summary>
        public ImmutableArray<(SyntaxNode Declaration, Document Document)> Assignable { get; }

        public bool NeedsAwait { get; }

        public (string Path, int Position) Order
            => (Document.FilePath ?? Document.Name, Diagnostic.Location.SourceSpan.Start);

        public IReadOnlyList<StatementSyntax>? StatementsAt(SemanticModel model, int position, CancellationToken cancellationToken)
        {
            var declared = new HashSet<ISymbol>(SymbolEqualityComparer.Default);
            var statements = new List<StatementSyntax>();
            foreach (var step in Steps)
            {
                if (step.StatementsAt(model, position, declared, cancellationToken) is not { } emitted)
                {
                    return null;
                }

                statements.AddRange(emitted);
                foreach (var local in step.Declares)
                {
                    declared.Add(local);
                }
            }

            return statements;
        }
    }

    /// <summary>
    /// One statement of a re-initialization: a statement copied from init code, or an assignment of a member or local
    /// (its target is written for the site), with the statements that go before it (a dispose, a close).
    /// </summary>
    internal sealed class ReinitializationStep
    {
        private ReinitializationStep(
            ImmutableArray<(SemanticModel Model, SyntaxNode Original)> names,
            StatementSyntax? statement,
            ISymbol? target,
            ExpressionSyntax? value,
            ImmutableArray<ReinitializationStep.Before> before,
            ImmutableArray<ISymbol> declares,
            (bool ThroughConfiguration, INamedTypeSymbol ConfigurationRoot)? reload = null)
        {
            Names = names;
            Statement = statement;
            Target = target;
            Value = value;
            BeforeTarget = before;
            Declares = declares;
            _reload = reload;
        }

        /// <summary>For a reload step: the root is the target's <c>Configuration</c>, and the type that declares <c>Reload()</c>.</summary>
        private readonly (bool ThroughConfiguration, INamedTypeSymbol ConfigurationRoot)? _reload;

        /// <summary>What runs on the assignment's target before it is assigned again.</summary>
        internal enum Before
        {
            /// <summary><c>target.Dispose();</c>: a timer or connection re-created without it would keep running.</summary>
            Dispose,
        }

        /// <summary>The code the step copies, with the model that binds it: each name must mean the same at the site.</summary>
        public ImmutableArray<(SemanticModel Model, SyntaxNode Original)> Names { get; }

        /// <summary>A statement copied as it is (already rewritten for the hook).</summary>
        public StatementSyntax? Statement { get; }

        /// <summary>The member or local assigned again (for an assignment step).</summary>
        public ISymbol? Target { get; }

        /// <summary>The value assigned (already rewritten for the hook).</summary>
        public ExpressionSyntax? Value { get; }

        public ImmutableArray<Before> BeforeTarget { get; }

        /// <summary>Locals the step declares inside the hook (they shadow the ones of init code).</summary>
        public ImmutableArray<ISymbol> Declares { get; }

        public bool NeedsAwait => (Statement != null && HookBody.ContainsAwait(Statement)) || (Value != null && HookBody.ContainsAwait(Value));

        public static ReinitializationStep Copy(SemanticModel model, SyntaxNode original, StatementSyntax rewritten, ImmutableArray<ISymbol> declares)
            => new ReinitializationStep(ImmutableArray.Create((model, original)), rewritten, null, null, ImmutableArray<Before>.Empty, declares);

        public static ReinitializationStep Assign(ImmutableArray<(SemanticModel Model, SyntaxNode Original)> names, ISymbol target, ExpressionSyntax value, ImmutableArray<Before> before)
            => new ReinitializationStep(names, null, target, value, before, ImmutableArray<ISymbol>.Empty);

        /// <summary>
        /// <c>root.Reload();</c> for the configuration root <paramref name="root"/> holds (or, through
        /// <paramref name="throughConfiguration"/>, the builder local whose <c>Configuration</c> is the root), cast to
        /// <c>IConfigurationRoot</c> where the root is typed otherwise (a <c>ConfigurationManager</c> implements it explicitly).
        /// </summary>
        public static ReinitializationStep Reload(ISymbol root, bool throughConfiguration, INamedTypeSymbol configurationRoot)
            => new ReinitializationStep(ImmutableArray<(SemanticModel, SyntaxNode)>.Empty, null, root, null, ImmutableArray<Before>.Empty, ImmutableArray<ISymbol>.Empty, (throughConfiguration, configurationRoot));

        public IReadOnlyList<StatementSyntax>? StatementsAt(SemanticModel model, int position, ICollection<ISymbol> declaredInHook, CancellationToken cancellationToken)
        {
            foreach (var (sourceModel, original) in Names)
            {
                if (!NameScope.Binds(sourceModel, original, model, position, cancellationToken, declaredInHook, typesQualified: true))
                {
                    return null;
                }
            }

            if (Statement != null)
            {
                return new[] { Statement.WithoutTrivia().WithAdditionalAnnotations(Formatter.Annotation) };
            }

            var target = declaredInHook.Contains(Target!) ? SyntaxFactory.IdentifierName(Target!.Name) : NameScope.Target(Target!, model, position);
            if (target == null)
            {
                return null;
            }

            if (_reload is { } reload)
            {
                return new[] { ReloadStatement(target, reload.ThroughConfiguration, reload.ConfigurationRoot, model, position) };
            }

            var statements = new List<StatementSyntax>();
            foreach (var before in BeforeTarget)
            {
                if (before == Before.Dispose)
                {
                    statements.Add(SyntaxFactory.ExpressionStatement(
                            SyntaxFactory.InvocationExpression(SyntaxFactory.MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, target, SyntaxFactory.IdentifierName("Dispose"))))
                        .WithAdditionalAnnotations(Formatter.Annotation));
                }
            }

            statements.Add(SyntaxFactory.ExpressionStatement(SyntaxFactory.AssignmentExpression(SyntaxKind.SimpleAssignmentExpression, target, Value!.WithoutTrivia()))
                .WithAdditionalAnnotations(Formatter.Annotation));
            return statements;
        }

        private StatementSyntax ReloadStatement(ExpressionSyntax target, bool throughConfiguration, INamedTypeSymbol configurationRoot, SemanticModel model, int position)
        {
            var root = throughConfiguration
                ? SyntaxFactory.MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, target, SyntaxFactory.IdentifierName("Configuration"))
                : target;
            var rootType = throughConfiguration ? null : Target switch { IFieldSymbol f => f.Type, IPropertySymbol p => p.Type, ILocalSymbol l => l.Type, _ => null };
            if (!SymbolEqualityComparer.Default.Equals(rootType, configurationRoot))
            {
                root = SyntaxFactory.ParenthesizedExpression(SyntaxFactory.CastExpression(NameScope.TypeSyntaxFor(configurationRoot, model, position), root));
            }

            return SyntaxFactory.ExpressionStatement(
                    SyntaxFactory.InvocationExpression(SyntaxFactory.MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, root, SyntaxFactory.IdentifierName("Reload"))))
                .WithAdditionalAnnotations(Formatter.Annotation);
        }
    }
}
