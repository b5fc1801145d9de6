using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using SnapSafe.Analyzers.Lambda;

namespace SnapSafe.Analyzers.CodeFixes.AfterRestore
{
    /// <summary>The store shapes the fix understands, read from the diagnostic location.</summary>
    internal sealed partial class Reinitialization
    {
        private readonly struct Created
        {
            public Created(ISymbol? member, SyntaxNode source, ImmutableArray<HookSite> sites, SyntaxNode? declaration = null, Document? declarationDocument = null)
            {
                Member = member;
                Source = source;
                Sites = sites;
                Declaration = declaration;
                DeclarationDocument = declarationDocument;
            }

            public ISymbol? Member { get; }

            public SyntaxNode Source { get; }

            public ImmutableArray<HookSite> Sites { get; }

            public SyntaxNode? Declaration { get; }

            public Document? DeclarationDocument { get; }
        }

        /// <summary>Reads one store shape from the diagnostic location and checks the contract's conditions.</summary>
        private sealed partial class Builder
        {
            private readonly Document _document;
            private readonly Diagnostic _diagnostic;
            private readonly SemanticModel _model;
            private readonly string _host;
            private readonly string? _memberName;
            private readonly FixSession _session;

            public Builder(Document document, Diagnostic diagnostic, SemanticModel model, string host, string? memberName, FixSession session)
            {
                _document = document;
                _diagnostic = diagnostic;
                _model = model;
                _host = host;
                _memberName = memberName;
                _session = session;
            }

            /// <summary><c>T _member = value;</c> / <c>T Member { get; } = value;</c>: every constructor of the type runs it.</summary>
            public Created? Initializer(SyntaxNode node)
            {
                if (node is not ExpressionSyntax value || node.Parent is not EqualsValueClauseSyntax equals || equals.Value != value)
                {
                    return null;
                }

                ISymbol? member = equals.Parent switch
                {
                    VariableDeclaratorSyntax { Parent: VariableDeclarationSyntax { Parent: FieldDeclarationSyntax } } declarator => _model.GetDeclaredSymbol(declarator, _session.CancellationToken),
                    PropertyDeclarationSyntax property => _model.GetDeclaredSymbol(property, _session.CancellationToken),
                    _ => null,
                };

                if (member == null || !IsNamed(member) || !HostMatches(member.IsStatic) || member.ContainingType is not { TypeKind: TypeKind.Class } type)
                {
                    return null;
                }

                var assignable = Assignable(member);
                if (assignable == null)
                {
                    return null;
                }

                var sites = member.IsStatic ? StaticSites(type) : InstanceSites(type);
                if (sites.IsDefaultOrEmpty)
                {
                    return null;
                }

                return new Created(member, value, sites, assignable.Value.Declaration, assignable.Value.Document);
            }

            /// <summary><c>member = value;</c> as a statement of a constructor body or of the entry point.</summary>
            public Created? Assignment(SyntaxNode node)
            {
                if (node is not ExpressionSyntax value
                    || node.Parent is not AssignmentExpressionSyntax assignment
                    || !assignment.IsKind(SyntaxKind.SimpleAssignmentExpression)
                    || assignment.Right != value
                    || assignment.Parent is not ExpressionStatementSyntax statement)
                {
                    return null;
                }

                var member = _model.GetSymbolInfo(assignment.Left, _session.CancellationToken).Symbol;
                if (member == null || !IsNamed(member))
                {
                    return null;
                }

                if (member is ILocalSymbol local)
                {
                    return IsReassignable(local) && EntrySite(statement) is { } entry
                        ? new Created(member, value, ImmutableArray.Create(entry))
                        : (Created?)null;
                }

                if (!(member is IFieldSymbol || member is IPropertySymbol) || member.ContainingType is not { TypeKind: TypeKind.Class })
                {
                    return null;
                }

                var site = ConstructorSiteOf(statement);
                var assignable = Assignable(member);
                if (site == null || assignable == null)
                {
                    return null;
                }

                return new Created(member, value, ImmutableArray.Create(site), assignable.Value.Declaration, assignable.Value.Document);
            }

            /// <summary><c>var local = value;</c> in the entry point, before the runtime starts.</summary>
            public Created? Declaration(SyntaxNode node)
            {
                if (node is not ExpressionSyntax value
                    || node.Parent is not EqualsValueClauseSyntax { Parent: VariableDeclaratorSyntax declarator } equals
                    || equals.Value != value
                    || declarator.Parent?.Parent is not LocalDeclarationStatementSyntax statement
                    || statement.UsingKeyword.IsKind(SyntaxKind.UsingKeyword)
                    || statement.IsConst)
                {
                    return null;
                }

                if (_model.GetDeclaredSymbol(declarator, _session.CancellationToken) is not ILocalSymbol local || !IsNamed(local) || !IsReassignable(local))
                {
                    return null;
                }

                return EntrySite(statement) is { } entry ? new Created(local, value, ImmutableArray.Create(entry)) : (Created?)null;
            }

            /// <summary><c>_timer.Change(...);</c> (or an awaited call) as a statement of a constructor body or of the entry point.</summary>
            public Created? StartCall(SyntaxNode node)
            {
                var expression = node.Parent is AwaitExpressionSyntax awaited ? awaited : node;
                if (expression.Parent is not ExpressionStatementSyntax statement || statement.Expression != expression)
                {
                    return null;
                }

                // A connection is re-opened only where closing and opening the same object is safe: ADO.NET.
                if (_diagnostic.Id == DiagnosticIds.ConnectionOpenedDuringInit && !IsAdoNetOpen(_model, statement))
                {
                    return null;
                }

                if (_host == HookHosts.EntryPoint)
                {
                    return EntrySite(statement) is { } entry ? new Created(null, statement, ImmutableArray.Create(entry)) : (Created?)null;
                }

                var site = ConstructorSiteOf(statement);
                return site == null ? (Created?)null : new Created(null, statement, ImmutableArray.Create(site));
            }

            private bool IsNamed(ISymbol member) => string.IsNullOrEmpty(_memberName) || member.Name == _memberName;

            private bool HostMatches(bool isStatic)
                => isStatic ? _host == HookHosts.StaticConstructor : _host == HookHosts.Constructor;

            private static bool IsReassignable(ILocalSymbol local) => !local.IsConst && !local.IsUsing && !local.IsRef && !local.IsFixed;

            /// <summary>The entry point site when the statement is in the same outermost list as the runtime start, and before it.</summary>
            private HookSite? EntrySite(StatementSyntax statement)
            {
                if (_host != HookHosts.EntryPoint || _diagnostic.AdditionalLocations.Count == 0)
                {
                    return null;
                }

                var runLocation = _diagnostic.AdditionalLocations[0];
                var root = statement.SyntaxTree.GetRoot(_session.CancellationToken);
                if (runLocation.SourceTree != statement.SyntaxTree || !root.FullSpan.Contains(runLocation.SourceSpan))
                {
                    return null;
                }

                var run = HookSite.EntryStatementOf(root.FindNode(runLocation.SourceSpan, getInnermostNodeForTie: true));
                var store = statement.Parent is GlobalStatementSyntax global ? global : (SyntaxNode)statement;
                if (run == null)
                {
                    return null;
                }

                var site = HookSite.ForEntryPoint(_document, run);
                return site.PrecedesRun(store) ? site : null;
            }

            /// <summary>The constructor whose body holds the statement directly, when its kind is the host's.</summary>
            private HookSite? ConstructorSiteOf(StatementSyntax statement)
            {
                if (statement.Parent is not BlockSyntax { Parent: ConstructorDeclarationSyntax constructor }
                    || _model.GetDeclaredSymbol(constructor, _session.CancellationToken) is not { ContainingType: { TypeKind: TypeKind.Class } type } symbol
                    || !HostMatches(symbol.IsStatic)
                    || (!symbol.IsStatic && HasPrimaryConstructor(type)))
                {
                    return null;
                }

                return HookSite.ForConstructor(_document, constructor, type);
            }

            /// <summary>Every instance constructor that runs the initializers (those not chaining to <c>this(...)</c>), or a new one.</summary>
            private ImmutableArray<HookSite> InstanceSites(INamedTypeSymbol type) => Hooks.InitSites.OfType(type, isStatic: false, _session);

            /// <summary>The static constructor, or a new one.</summary>
            private ImmutableArray<HookSite> StaticSites(INamedTypeSymbol type) => Hooks.InitSites.OfType(type, isStatic: true, _session);

            private static bool HasPrimaryConstructor(INamedTypeSymbol type)
                => type.InstanceConstructors.Any(c => c.DeclaringSyntaxReferences.Any(r => r.GetSyntax() is TypeDeclarationSyntax));

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
                        if (fieldReference?.GetSyntax(_session.CancellationToken) is VariableDeclaratorSyntax { Parent: VariableDeclarationSyntax { Parent: FieldDeclarationSyntax fieldDeclaration } }
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
                            || propertyReference?.GetSyntax(_session.CancellationToken) is not PropertyDeclarationSyntax propertyDeclaration
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
        }
    }
}
