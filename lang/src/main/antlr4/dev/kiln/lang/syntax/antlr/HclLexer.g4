/*
 * The lexer of HCL native syntax, with one mode per template flavour:
 * quoted strings, heredocs and standalone templates. Interpolations and
 * directives push the default mode; braces inside them nest. No character is
 * ever dropped: concatenating every token's text reproduces the input.
 */
lexer grammar HclLexer;

tokens { INTERP_OPEN, DIRECTIVE_OPEN, TEMPLATE_LITERAL }

@members {
    private final java.util.ArrayDeque<String> heredocMarkers = new java.util.ArrayDeque<>();
    private boolean heredocCloseAhead;

    /** Starts in template mode: the whole input is template content (standalone templates). */
    public void startInTemplateMode()
    {
        mode(TEMPLATE);
    }

    @Override
    public Token nextToken()
    {
        heredocCloseAhead = _mode == HEREDOC && _input.LA(-1) == '\n' && closingMarkerAhead();
        Token token = super.nextToken();
        switch (token.getType()) {
            case HEREDOC_OPEN -> heredocMarkers.push(markerOf(token.getText()));
            case HEREDOC_CLOSE -> heredocMarkers.poll();
            case RBRACE, STRIP_RBRACE -> {
                if (!_modeStack.isEmpty()) {
                    popMode();
                }
            }
            default -> { }
        }
        return token;
    }

    private static String markerOf(String opener)
    {
        int start = opener.startsWith("<<-") ? 3 : 2;
        int end = opener.length() - 1;
        if (end > start && opener.charAt(end - 1) == '\r') {
            end--;
        }
        return opener.substring(start, end);
    }

    private boolean closingMarkerAhead()
    {
        String marker = heredocMarkers.peek();
        if (marker == null) {
            return false;
        }
        int offset = 1;
        while (_input.LA(offset) == ' ' || _input.LA(offset) == '\t') {
            offset++;
        }
        for (int index = 0; index < marker.length(); ) {
            int codePoint = marker.codePointAt(index);
            if (_input.LA(offset) != codePoint) {
                return false;
            }
            offset++;
            index += Character.charCount(codePoint);
        }
        int next = _input.LA(offset);
        return next == '\n' || next == EOF || (next == '\r' && _input.LA(offset + 1) == '\n');
    }
}

NUMBER : DIGIT+ ('.' DIGIT+)? ([eE] [+-]? DIGIT+)? ;

FOR : 'for' ;
IN : 'in' ;
IF : 'if' ;
ELSE : 'else' ;
ENDIF : 'endif' ;
ENDFOR : 'endfor' ;
TRUE : 'true' ;
FALSE : 'false' ;
NULL : 'null' ;
IDENTIFIER : ID_START ID_CONTINUE* ;

HEREDOC_OPEN : '<<' '-'? ID_START ID_CONTINUE* '\r'? '\n' -> pushMode(HEREDOC) ;
OQUOTE : '"' -> pushMode(QUOTED) ;

LBRACE : '{' -> pushMode(DEFAULT_MODE) ;
RBRACE : '}' ;
STRIP_RBRACE : '~}' ;
LBRACKET : '[' ;
RBRACKET : ']' ;
LPAREN : '(' ;
RPAREN : ')' ;

ELLIPSIS : '...' ;
FAT_ARROW : '=>' ;
EQUAL : '==' ;
NOT_EQUAL : '!=' ;
LESS_OR_EQUAL : '<=' ;
GREATER_OR_EQUAL : '>=' ;
AND : '&&' ;
OR : '||' ;
ASSIGN : '=' ;
LESS : '<' ;
GREATER : '>' ;
PLUS : '+' ;
MINUS : '-' ;
STAR : '*' ;
SLASH : '/' ;
PERCENT : '%' ;
BANG : '!' ;
QUESTION : '?' ;
COLON : ':' ;
COMMA : ',' ;
DOT : '.' ;

NEWLINE : '\r'? '\n' ;
WHITESPACE : [ \t]+ -> channel(HIDDEN) ;
LINE_COMMENT : ('#' | '//') ~[\r\n]* -> channel(HIDDEN) ;
BLOCK_COMMENT : '/*' .*? ('*/' | EOF) -> channel(HIDDEN) ;
INVALID : . -> channel(HIDDEN) ;

fragment DIGIT : [0-9] ;
fragment ID_START : [\p{ID_Start}_] ;
fragment ID_CONTINUE : [\p{ID_Continue}\-] ;
fragment NEWLINE_SEQUENCE : '\r'? '\n' ;
fragment ESCAPED_INTRODUCER : '$${' | '%%{' ;
fragment LONE_DOLLAR : '$' {_input.LA(1) != '{'}? ;
fragment LONE_PERCENT : '%' {_input.LA(1) != '{'}? ;

mode QUOTED;

CQUOTE : '"' -> popMode ;
QUOTED_NEWLINE : '\r'? '\n' -> popMode ;
QUOTED_INTERP : '${' '~'? -> type(INTERP_OPEN), pushMode(DEFAULT_MODE) ;
QUOTED_DIRECTIVE : '%{' '~'? -> type(DIRECTIVE_OPEN), pushMode(DEFAULT_MODE) ;
QUOTED_LITERAL : QUOTED_CHARACTER+ ;
QUOTED_BACKSLASH : '\\' -> type(QUOTED_LITERAL) ;
QUOTED_OTHER : . -> type(QUOTED_LITERAL) ;

fragment QUOTED_CHARACTER
    : ~["\\$%\r\n]
    | '\\' ~[\r\n]
    | ESCAPED_INTRODUCER
    | LONE_DOLLAR
    | LONE_PERCENT
    | '\r' {_input.LA(1) != '\n'}?
    ;

mode HEREDOC;

HEREDOC_CLOSE : {heredocCloseAhead}? [ \t]* ID_START ID_CONTINUE* -> popMode ;
HEREDOC_INTERP : '${' '~'? -> type(INTERP_OPEN), pushMode(DEFAULT_MODE) ;
HEREDOC_DIRECTIVE : '%{' '~'? -> type(DIRECTIVE_OPEN), pushMode(DEFAULT_MODE) ;
HEREDOC_LITERAL : {!heredocCloseAhead}? (HEREDOC_CHARACTER+ NEWLINE_SEQUENCE? | NEWLINE_SEQUENCE) ;
HEREDOC_OTHER : . -> type(HEREDOC_LITERAL) ;

fragment HEREDOC_CHARACTER
    : ~[$%\n]
    | ESCAPED_INTRODUCER
    | LONE_DOLLAR
    | LONE_PERCENT
    ;

mode TEMPLATE;

TEMPLATE_INTERP : '${' '~'? -> type(INTERP_OPEN), pushMode(DEFAULT_MODE) ;
TEMPLATE_DIRECTIVE : '%{' '~'? -> type(DIRECTIVE_OPEN), pushMode(DEFAULT_MODE) ;
TEMPLATE_CONTENT : (~[$%] | ESCAPED_INTRODUCER | LONE_DOLLAR | LONE_PERCENT)+ -> type(TEMPLATE_LITERAL) ;
TEMPLATE_OTHER : . -> type(TEMPLATE_LITERAL) ;
