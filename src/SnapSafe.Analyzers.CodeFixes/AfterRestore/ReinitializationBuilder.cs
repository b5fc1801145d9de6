using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;
using SnapSafe.Analyzers.CodeFixes.HookWriting;

namespace SnapSafe.Analyzers.CodeFixes.AfterRestore
{
    /// <summary>
    /// Decides whether the after-restore fix exists for a finding, and what it is: reads the store the contract names
    /// (<see cref="FixRequest"/>) from the syntax at the diagnostic location, the locals it needs, and the hook sites
    /// where init runs it once. This is the only place that decides; the analyzer only says where.
    /// </summary>
    internal sealed partial class ReinitializationBuilder
    {
        private readonly Document _document;
        private readonly Diagnostic _diagnostic;
        private readonly FixRequest _request;
        private readonly SemanticModel _model;
        private readonly HookTypes _types;
        private readonly FixSession _session;

        private ReinitializationBuilder(Document document, Diagnostic diagnostic, FixRequest request, SemanticModel model, HookTypes types, FixSession session)
        {
            _document = document;
            _diagnostic = diagnostic;
            _request = request;
            _model = model;
            _types = types;
            _session = session;
        }

        private CancellationToken CancellationToken => _session.CancellationToken;

        /// <summary>The re-initialization of a finding, or why there is none.</summary>
        public static async Task<(Reinitialization? Fix, ManualFix Manual)> CreateAsync(Document document, Diagnostic diagnostic, FixSession session)
        {
            if (!diagnostic.Location.IsInSource)
            {
                return (null, ManualFix.None);
            }

            var root = await document.GetSyntaxRootAsync(session.CancellationToken).ConfigureAwait(false);
            if (root == null || diagnostic.Location.SourceTree != root.SyntaxTree)
            {
                return (null, ManualFix.None);
            }

            var model = await session.ModelAsync(document).ConfigureAwait(false);
            var request = FixRequest.Read(diagnostic.Properties);
            if (request.FromCaller || request.Store == StoreKind.ConstructorArgument)
            {
                return (null, ManualFix.PassedByCaller);
            }

            if (HookTypes.From(model.Compilation) is not { } types || request.HostRunsPerInvocation || ExactNode(root, diagnostic.Location.SourceSpan) is not { } node)
            {
                return (null, ManualFix.None);
            }

            var builder = new ReinitializationBuilder(document, diagnostic, request, model, types, session);
            if (request.Store == StoreKind.None)
            {
                return (null, builder.ManualWithoutStore(node));
            }

            var result = request.Primed ? await builder.PrimedAsync(node).ConfigureAwait(false) : request.Store switch
            {
                StoreKind.Initializer => await builder.InitializerAsync(node).ConfigureAwait(false),
                StoreKind.Assignment => await builder.AssignmentAsync(node).ConfigureAwait(false),
                StoreKind.Declaration => await builder.DeclarationAsync(node).ConfigureAwait(false),
                StoreKind.StartCall => await builder.StartCallAsync(node).ConfigureAwait(false),
                StoreKind.ContainerInstance or StoreKind.CollectionElement => await builder.HandedAsync(node).ConfigureAwait(false),
                StoreKind.Reload => await builder.ReloadAsync(node).ConfigureAwait(false),
                _ => (null, ManualFix.None),
            };

            // Every site must be able to run the statements in a registration of its own.
            if (result.Item1 is { } fix)
            {
                foreach (var site in fix.Sites)
                {
                    var siteModel = await session.ModelAsync(site.Document).ConfigureAwait(false);
                    if (fix.StatementsAt(siteModel, site.NewHookPosition, session.CancellationToken) == null)
                    {
                        return (null, ManualFix.None);
                    }
                }
            }

            return result;
        }

        /// <summary>SNAP041 "Reopen": the member is opened again where its type's init runs.</summary>
        public static async Task<Reinitialization?> ReopenAsync(Document document, Diagnostic diagnostic, FixSession session)
        {
            var request = FixRequest.Read(diagnostic.Properties);
            var root = await document.GetSyntaxRootAsync(session.CancellationToken).ConfigureAwait(false);
            if (root == null || request.ReopenMethod is not ("Open" or "OpenAsync") || request.Member == null
                || ExactNode(root, diagnostic.Location.SourceSpan) is not InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax release } invocation)
            {
                return null;
            }

            var model = await session.ModelAsync(document).ConfigureAwait(false);
            if (HookTypes.From(model.Compilation) is not { } types
                || model.GetSymbolInfo(release.Expression, session.CancellationToken).Symbol is not { } member
                || member.Name != request.Member || !(member is IFieldSymbol || member is IPropertySymbol)
                || member.ContainingType is not { TypeKind: TypeKind.Class } type)
            {
                return null;
            }

            var reopen = ReopenStatement(request.ReopenMethod, release.Expression.WithoutTrivia(), model.GetTypeInfo(release.Expression, session.CancellationToken).Type, types);
            var sites = await HookSite.OfTypeAsync(type, member.IsStatic, session).ConfigureAwait(false);
            if (sites.IsDefaultOrEmpty)
            {
                return null;
            }

            var step = ReinitializationStep.Copy(model, release.Expression, reopen, ImmutableArray<ISymbol>.Empty);
            return new Reinitialization(document, diagnostic, ImmutableArray.Create(step), sites, ImmutableArray<(SyntaxNode, Document)>.Empty);
        }

        /// <summary><c>member.Open();</c>, or <c>await member.OpenAsync(cts.Token);</c> (the token where the method takes one).</summary>
        private static StatementSyntax ReopenStatement(string method, ExpressionSyntax member, ITypeSymbol? type, HookTypes types)
        {
            var access = SyntaxFactory.MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, member, SyntaxFactory.IdentifierName(method));
            if (method == "Open")
            {
                return SyntaxFactory.ExpressionStatement(SyntaxFactory.InvocationExpression(access));
            }

            var takesToken = false;
            for (var current = type; current != null && !takesToken; current = current.BaseType)
            {
                takesToken = current.GetMembers(method).OfType<IMethodSymbol>().Any(m => m.Parameters.Length == 1 && SymbolEqualityComparer.Default.Equals(m.Parameters[0].Type, types.CancellationToken));
            }

            var arguments = takesToken
                ? SyntaxFactory.ArgumentList(SyntaxFactory.SingletonSeparatedList(SyntaxFactory.Argument(SyntaxFactory.MemberAccessExpression(
                    SyntaxKind.SimpleMemberAccessExpression,
                    SyntaxFactory.IdentifierName(BoundedWork.TokenSourceName).WithAdditionalAnnotations(BoundedWork.TokenSource),
                    SyntaxFactory.IdentifierName("Token")))))
                : SyntaxFactory.ArgumentList();
            return SyntaxFactory.ExpressionStatement(SyntaxFactory.AwaitExpression(SyntaxFactory.InvocationExpression(access, arguments)));
        }

        /// <summary><c>T _member = value;</c> / <c>T Member { get; } = value;</c>: every constructor of the type runs it.</summary>
        private async Task<(Reinitialization?, ManualFix)> InitializerAsync(SyntaxNode node)
        {
            if (node is not ExpressionSyntax value || node.Parent is not EqualsValueClauseSyntax equals || equals.Value != value)
            {
                return None();
            }

            ISymbol? member = equals.Parent switch
            {
                VariableDeclaratorSyntax { Parent: VariableDeclarationSyntax { Parent: FieldDeclarationSyntax } } declarator => _model.GetDeclaredSymbol(declarator, CancellationToken),
                PropertyDeclarationSyntax property => _model.GetDeclaredSymbol(property, CancellationToken),
                _ => null,
            };

            if (member == null || !IsNamed(member) || member.ContainingType is not { TypeKind: TypeKind.Class } type
                || (member.IsStatic ? _request.Host != HookHost.StaticConstructor : _request.Host != HookHost.Constructor))
            {
                return None();
            }

            var assignable = Assignable(member);
            if (assignable == null || AssignStep(member, value, ImmutableArray.Create((_model, (SyntaxNode)value))) is not { } step)
            {
                return None();
            }

            var sites = await HookSite.OfTypeAsync(type, member.IsStatic, _session).ConfigureAwait(false);
            return sites.IsDefaultOrEmpty ? None() : Fix(ImmutableArray.Create(step), sites, assignable.Value);
        }

        /// <summary>
        /// <c>member = value;</c> (or one element of <c>(a, b) = (x, y);</c>) as a statement of a constructor, of the
        /// entry point or of a method init runs once, or as a constructor's expression body.
        /// </summary>
        private async Task<(Reinitialization?, ManualFix)> AssignmentAsync(SyntaxNode node)
        {
            if (node is not ExpressionSyntax value)
            {
                return None();
            }

            ExpressionSyntax targetExpression;
            SyntaxNode store;
            if (node.Parent is AssignmentExpressionSyntax assignment && assignment.IsKind(SyntaxKind.SimpleAssignmentExpression) && assignment.Right == value)
            {
                targetExpression = assignment.Left;
                store = assignment.Parent switch
                {
                    ExpressionStatementSyntax statement => statement,
                    ArrowExpressionClauseSyntax arrow => arrow,
                    _ => assignment,
                };
            }
            else if (node.Parent is ArgumentSyntax { Parent: TupleExpressionSyntax values } element
                && values.Parent is AssignmentExpressionSyntax { Left: TupleExpressionSyntax targets, Parent: ExpressionStatementSyntax deconstruction } tuple
                && tuple.Right == values && targets.Arguments.Count == values.Arguments.Count)
            {
                targetExpression = targets.Arguments[values.Arguments.IndexOf(element)].Expression;
                store = deconstruction;
            }
            else
            {
                return None();
            }

            if (store is not (StatementSyntax or ArrowExpressionClauseSyntax))
            {
                return None();
            }

            var member = _model.GetSymbolInfo(targetExpression, CancellationToken).Symbol;
            if (member == null || !IsNamed(member) || !(member is IFieldSymbol || member is IPropertySymbol || member is ILocalSymbol))
            {
                return None();
            }

            (SyntaxNode? Declaration, Document? Document)? assignable = (null, null);
            if (member is ILocalSymbol local)
            {
                if (!IsReassignable(local))
                {
                    return None();
                }
            }
            else if (member.ContainingType is not { TypeKind: TypeKind.Class } || (assignable = Assignable(member)) == null)
            {
                return None();
            }

            return await InBodyAsync(store, value, member, assignable.Value).ConfigureAwait(false);
        }

        /// <summary><c>var local = value;</c>: a local a handler delegate or endpoint lambda captures, declared in init code.</summary>
        private async Task<(Reinitialization?, ManualFix)> DeclarationAsync(SyntaxNode node)
        {
            if (node is not ExpressionSyntax value
                || node.Parent is not EqualsValueClauseSyntax { Parent: VariableDeclaratorSyntax declarator } equals
                || equals.Value != value
                || declarator.Parent?.Parent is not LocalDeclarationStatementSyntax statement
                || statement.UsingKeyword.IsKind(SyntaxKind.UsingKeyword)
                || statement.IsConst)
            {
                return None();
            }

            if (_model.GetDeclaredSymbol(declarator, CancellationToken) is not ILocalSymbol local || !IsNamed(local) || !IsReassignable(local))
            {
                return None();
            }

            return await InBodyAsync(statement, value, local, (null, null)).ConfigureAwait(false);
        }

        /// <summary>
        /// A statement that starts, opens or fills a kept object (<c>_timer.Change(...)</c>, <c>connection.Open()</c>,
        /// <c>RandomNumberGenerator.Fill(_buffer)</c>), awaited or waited on, or the call of a helper that also runs per
        /// invocation: the hook repeats it.
        /// </summary>
        private async Task<(Reinitialization?, ManualFix)> StartCallAsync(SyntaxNode node)
        {
            if (!(node is InvocationExpressionSyntax || node is AssignmentExpressionSyntax))
            {
                return None();
            }

            var startCall = node as InvocationExpressionSyntax;
            if (Wrapped(node) is not ExpressionStatementSyntax statement)
            {
                // A request sent through a kept HttpClient inside a larger expression: the client is re-created all the same.
                var recreate = startCall == null ? (null, ManualFix.None, null) : StartStatements(null, startCall);
                return recreate.Recreate is { } client ? await RecreateAsync(client).ConfigureAwait(false) : None(recreate.Manual);
            }

            var starts = StartStatements(statement, startCall);
            if (starts.Manual != ManualFix.None || starts.Statements == null)
            {
                return (null, starts.Manual);
            }

            if (starts.Recreate is { } recreated)
            {
                return await RecreateAsync(recreated).ConfigureAwait(false);
            }

            return await InBodyAsync(statement, null, null, (null, null), starts.Statements.Value).ConfigureAwait(false);
        }

        /// <summary>
        /// The store as a statement of its body, repeated at the end of that body (with the locals it needs), before the
        /// runtime starts, or where init calls the method it is in.
        /// </summary>
        private async Task<(Reinitialization?, ManualFix)> InBodyAsync(
            SyntaxNode store,
            ExpressionSyntax? value,
            ISymbol? member,
            (SyntaxNode? Declaration, Document? Document) assignable,
            ImmutableArray<StatementSyntax> copies = default)
        {
            var body = BodyOf(store);
            if (body == null)
            {
                return None();
            }

            // The statements of the body the store is a statement of.
            var statements = body switch
            {
                BaseMethodDeclarationSyntax { Body: { } block } => block.Statements.ToList(),
                CompilationUnitSyntax unit => unit.Members.OfType<GlobalStatementSyntax>().Select(g => g.Statement).ToList(),
                _ => new List<StatementSyntax>(),
            };

            var used = new List<SyntaxNode>();
            if (value != null)
            {
                used.Add(value);
            }

            if (!copies.IsDefault && store is StatementSyntax copied)
            {
                used.Add(copied);
            }

            var slice = store is StatementSyntax storeStatement && statements.Count > 0
                ? LocalSlice.Of(_model, statements, storeStatement, used, _request.Source, CancellationToken)
                : (value != null && !LocalSlice.LocalsRead(_model, used, CancellationToken).Any() ? LocalSlice.Empty : null);
            if (slice == null || (member is ILocalSymbol assigned && slice.Declared.Contains(assigned, SymbolEqualityComparer.Default)))
            {
                return None();
            }

            var steps = ImmutableArray.CreateBuilder<ReinitializationStep>();
            foreach (var statement in slice.Statements)
            {
                var declares = slice.Declared.Where(l => l.DeclaringSyntaxReferences.Any(r => statement.Span.Contains(r.Span))).Cast<ISymbol>().ToImmutableArray();
                steps.Add(ReinitializationStep.Copy(_model, statement, BoundedWork.Rewrite(statement, _model, _types, CancellationToken), declares));
            }

            if (!copies.IsDefault)
            {
                foreach (var copy in copies)
                {
                    steps.Add(ReinitializationStep.Copy(_model, (StatementSyntax)store, copy, ImmutableArray<ISymbol>.Empty));
                }
            }
            else if (member != null && value != null && AssignStep(member, value, ImmutableArray.Create((_model, (SyntaxNode)value))) is { } step)
            {
                steps.Add(step);
            }
            else
            {
                return None();
            }

            var sites = await SitesOfBodyAsync(body, store).ConfigureAwait(false);
            if (sites.IsDefaultOrEmpty)
            {
                return None();
            }

            var fix = Fix(steps.ToImmutable(), sites, assignable);
            if (body is MethodDeclarationSyntax && sites.Length > 1)
            {
                // Where the chain of calls starts, when the statements mean the same there (one hook per type); else in the method.
                foreach (var site in sites.Reverse())
                {
                    var siteModel = await _session.ModelAsync(site.Document).ConfigureAwait(false);
                    if (fix.Item1!.StatementsAt(siteModel, site.NewHookPosition, CancellationToken) != null)
                    {
                        return Fix(steps.ToImmutable(), ImmutableArray.Create(site), assignable);
                    }
                }

                return None();
            }

            return fix;
        }

        /// <summary>The hook sites for a store in <paramref name="body"/>.</summary>
        private async Task<ImmutableArray<HookSite>> SitesOfBodyAsync(SyntaxNode body, SyntaxNode store)
        {
            switch (body)
            {
                case ConstructorDeclarationSyntax constructor:
                    return _model.GetDeclaredSymbol(constructor, CancellationToken) is { ContainingType: { TypeKind: TypeKind.Class } type }
                        && HookSite.ForBody(_document, constructor, type) is { } site
                        ? ImmutableArray.Create(site)
                        : default;

                case MethodDeclarationSyntax method when _request.Host == HookHost.EntryPoint:
                case CompilationUnitSyntax:
                    var root = await _document.GetSyntaxRootAsync(CancellationToken).ConfigureAwait(false);
                    var entry = root == null ? null : HookSite.OfEntryPoint(_document, root, _diagnostic);
                    var entryStatement = store is StatementSyntax statement && statement.Parent is GlobalStatementSyntax global ? global : store;
                    return entry != null && entry.PrecedesRun(entryStatement) ? ImmutableArray.Create(entry) : default;

                case MethodDeclarationSyntax helper when _request.Host == HookHost.InitMethod:
                    var sites = await InitMethodSites.OfAsync(helper, _document, _session, runStatement: null).ConfigureAwait(false);
                    return sites.ToImmutableArray();

                default:
                    return default;
            }
        }

        /// <summary>The constructor, method or compilation unit whose outermost statements (or expression body) hold the store.</summary>
        private static SyntaxNode? BodyOf(SyntaxNode store)
            => store switch
            {
                ArrowExpressionClauseSyntax { Parent: BaseMethodDeclarationSyntax declaration } => declaration,
                StatementSyntax { Parent: BlockSyntax { Parent: ConstructorDeclarationSyntax or MethodDeclarationSyntax } block } => block.Parent,
                StatementSyntax { Parent: GlobalStatementSyntax { Parent: CompilationUnitSyntax unit } } => unit,
                _ => null,
            };

        /// <summary>The statement an expression stands in, through <c>await</c>, <c>.GetAwaiter().GetResult()</c>, <c>.Wait()</c>, <c>.ConfigureAwait(...)</c>.</summary>
        private static StatementSyntax? Wrapped(SyntaxNode node)
        {
            var current = node;
            while (true)
            {
                switch (current.Parent)
                {
                    case ExpressionStatementSyntax statement when statement.Expression == current:
                        return statement;
                    case AwaitExpressionSyntax await:
                        current = await;
                        continue;
                    case MemberAccessExpressionSyntax { Name.Identifier.ValueText: "GetAwaiter" or "GetResult" or "Wait" or "ConfigureAwait" } access
                        when access.Expression == current && access.Parent is InvocationExpressionSyntax call && call.Expression == access:
                        current = call;
                        continue;
                    default:
                        return null;
                }
            }
        }

        private bool IsNamed(ISymbol member) => string.IsNullOrEmpty(_request.Member) || member.Name == _request.Member;

        private static bool IsReassignable(ILocalSymbol local) => !local.IsConst && !local.IsUsing && !local.IsRef && !local.IsFixed && !local.Type.IsRefLikeType;

        private (Reinitialization?, ManualFix) Fix(ImmutableArray<ReinitializationStep> steps, ImmutableArray<HookSite> sites, (SyntaxNode? Declaration, Document? Document) assignable)
            => (new Reinitialization(
                    _document,
                    _diagnostic,
                    steps,
                    sites,
                    assignable.Declaration != null && assignable.Document != null
                        ? ImmutableArray.Create((assignable.Declaration, assignable.Document))
                        : ImmutableArray<(SyntaxNode, Document)>.Empty),
                ManualFix.None);

        private static (Reinitialization?, ManualFix) None(ManualFix manual = ManualFix.None) => (null, manual);

        /// <summary>
        /// The declaration to edit so that a lambda may assign the member: a <c>readonly</c> field, a get-only
        /// auto-property (gets a private setter). Null when the member cannot be made assignable.
        /// </summary>
        private (SyntaxNode? Declaration, Document? Document)? Assignable(ISymbol member)
        {
            switch (member)
            {
                case IFieldSymbol field:
                    if (field.IsConst || field.ContainingType.TypeKind != TypeKind.Class)
                    {
                        return null;
                    }

                    if (!field.IsReadOnly)
                    {
                        return (null, null);
                    }

                    var fieldReference = field.DeclaringSyntaxReferences.FirstOrDefault();
                    if (fieldReference?.GetSyntax(CancellationToken) is VariableDeclaratorSyntax { Parent: VariableDeclarationSyntax { Parent: FieldDeclarationSyntax fieldDeclaration } }
                        && _session.DocumentOf(fieldReference.SyntaxTree) is { } fieldDocument)
                    {
                        return (fieldDeclaration, fieldDocument);
                    }

                    return null;

                case IPropertySymbol property:
                    if (property.ContainingType.TypeKind != TypeKind.Class)
                    {
                        return null;
                    }

                    if (property.SetMethod != null)
                    {
                        return property.SetMethod.IsInitOnly ? null : ((SyntaxNode?, Document?)?)(null, null);
                    }

                    var propertyReference = property.DeclaringSyntaxReferences.FirstOrDefault();
                    if (property.IsOverride || property.IsAbstract || !property.ExplicitInterfaceImplementations.IsEmpty
                        || propertyReference?.GetSyntax(CancellationToken) is not PropertyDeclarationSyntax propertyDeclaration
                        || propertyDeclaration.AccessorList is not { } accessors
                        || accessors.Accessors.Count != 1
                        || accessors.Accessors[0] is not { Body: null, ExpressionBody: null } getter
                        || !getter.IsKind(SyntaxKind.GetAccessorDeclaration)
                        || _session.DocumentOf(propertyReference.SyntaxTree) is not { } propertyDocument)
                    {
                        return null;
                    }

                    return (propertyDeclaration, propertyDocument);

                default:
                    return null;
            }
        }

        internal static SyntaxNode? ExactNode(SyntaxNode root, TextSpan span)
        {
            if (!root.FullSpan.Contains(span))
            {
                return null;
            }

            for (var node = root.FindNode(span, getInnermostNodeForTie: true); node != null; node = node.Parent)
            {
                if (node.Span == span)
                {
                    return node;
                }

                if (node.Span.Length > span.Length)
                {
                    return null;
                }
            }

            return null;
        }
    }
}
